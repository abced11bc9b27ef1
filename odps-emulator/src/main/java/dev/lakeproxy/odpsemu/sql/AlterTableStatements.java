/*
 * Copyright The lakeproxy developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.lakeproxy.odpsemu.sql;

import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.JobContext;
import dev.lakeproxy.odpsemu.JobResult;
import dev.lakeproxy.odpsemu.JobTransaction;
import dev.lakeproxy.odpsemu.NameResolver;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.Privileges;
import dev.lakeproxy.odpsemu.TableStorage;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code ALTER TABLE} (partitions, lifecycle, comment) and {@code DROP TABLE|VIEW}; a failing job
 * undoes its changes.
 */
public final class AlterTableStatements {

    private final NameResolver names;
    private final Privileges privileges;
    private final TableStorage storage;
    private final JobTransaction tx;

    public AlterTableStatements(
            NameResolver names, Privileges privileges, TableStorage storage, JobTransaction tx) {
        this.names = names;
        this.privileges = privileges;
        this.storage = storage;
        this.tx = tx;
    }

    /** {@code DROP TABLE|VIEW [IF EXISTS] name}, after {@code DROP}. */
    JobResult drop(JobContext ctx, SqlCursor c) throws SQLException {
        if (!c.acceptWord("TABLE")) {
            c.expectWord("VIEW");
        }
        boolean ifExists = c.acceptWords("IF", "EXISTS");
        List<String> parts = c.qualifiedName();
        Table t = names.findTable(ctx, parts);
        if (t == null) {
            if (ifExists) {
                return new JobResult();
            }
            names.requireTable(ctx, parts);
        }
        privileges.check(ctx, t.project, t.schema, "DROP", "TABLE " + t.schema + "." + t.name);
        storage.dropTable(t);
        Schema owner = names.project(t.project).schemas.get(t.schema);
        owner.tables.remove(t.name);
        tx.onRollback(() -> owner.tables.put(t.name, t));
        return new JobResult();
    }

    /** After {@code ALTER}: {@code TABLE name ADD|DROP PARTITION, SET LIFECYCLE|COMMENT}. */
    JobResult alter(JobContext ctx, SqlCursor c) throws SQLException {
        c.expectWord("TABLE");
        Table t = names.requireTable(ctx, c.qualifiedName());
        privileges.check(ctx, t.project, t.schema, "ALTER", "TABLE " + t.schema + "." + t.name);
        if (c.acceptWord("ADD")) {
            boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
            c.expectWord("PARTITION");
            String spec = TableStorage.normalizeSpec(t, InsertStatements.partitionSpec(c));
            if (storage.partitions(t).contains(spec) && !ifNotExists) {
                throw new OdpsSqlException(
                        "ODPS-0130111",
                        "[1,1] Partition already exists - partition "
                                + spec
                                + " of table "
                                + t.fullName());
            }
            if (t.addedPartitions.add(spec)) {
                tx.onRollback(() -> t.addedPartitions.remove(spec));
            }
            return new JobResult();
        }
        if (c.acceptWord("DROP")) {
            c.acceptWords("IF", "EXISTS");
            c.expectWord("PARTITION");
            Map<String, String> spec = InsertStatements.partitionSpec(c);
            storage.deletePartition(t, spec);
            String dropped = TableStorage.normalizeSpec(t, spec);
            if (t.addedPartitions.remove(dropped)) {
                tx.onRollback(() -> t.addedPartitions.add(dropped));
            }
            return new JobResult();
        }
        if (c.acceptWords("SET", "LIFECYCLE")) {
            Long before = t.lifecycle;
            t.lifecycle = Long.parseLong(c.next().text);
            tx.onRollback(() -> t.lifecycle = before);
            return new JobResult();
        }
        if (c.acceptWords("SET", "COMMENT")) {
            String before = t.comment;
            t.comment = c.string();
            tx.onRollback(() -> t.comment = before);
            return new JobResult();
        }
        throw c.parseError("unsupported ALTER TABLE near '" + c.near() + "'");
    }
}
