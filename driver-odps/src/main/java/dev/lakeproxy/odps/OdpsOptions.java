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
package dev.lakeproxy.odps;

import dev.lakeproxy.credentials.CredentialsOptions;
import dev.lakeproxy.spi.LakeOption;
import java.util.List;

/** The MaxCompute plugin's options. */
public final class OdpsOptions {

    private OdpsOptions() {
    }

    public static final LakeOption<String> TABLESTORE_SCATTER =
            LakeOption.choice(
                    "lakeproxy.odps.tablestoreScatter",
                    "auto",
                    "INSERT ... SELECT (also WITH ... INSERT) into a Tablestore external table:"
                        + " scatter the rows over the writers with DISTRIBUTE BY rand(), in the"
                        + " form valid for the query's shape (docs/maxcompute.md), so sorted input"
                        + " does not land on one Tablestore partition. auto: unless the query"
                        + " already has DISTRIBUTE BY or CLUSTER BY; off: never.",
                    "auto",
                    "off");

    public static final LakeOption<Boolean> TABLESTORE_DDL_CHECKS =
            LakeOption.bool(
                    "lakeproxy.odps.tablestoreDdlChecks",
                    true,
                    "Check CREATE EXTERNAL TABLE ... TableStoreStorageHandler against the"
                        + " Tablestore rules (column mapping, primary keys, tablestore.table.name,"
                        + " LOCATION, column types) before any job is submitted.");

    public static final LakeOption<String> SCHEMA_SYNTAX =
            LakeOption.choice(
                    "lakeproxy.odps.schemaSyntax",
                    "auto",
                    "Three-tier projects (schemas, e.g. Paimon_DLF external projects): auto turns"
                        + " odps-jdbc's odpsNamespaceSchema on when the project has schemas and the"
                        + " URL does not say; off leaves it to odps-jdbc.",
                    "auto",
                    "off");

    public static final LakeOption<Boolean> PAIMON_WRITE_GUARD =
            LakeOption.bool(
                    "lakeproxy.odps.paimonWriteGuard",
                    true,
                    "Refuse, before submission, INSERTs (and MULTI INSERT branches) into Paimon"
                        + " Dynamic Bucket tables (bucket = -1, or unset with a primary key) and"
                        + " Cross Partition tables (primary key without every partition column).");

    public static final LakeOption<Boolean> TIMESTAMP_TRUNCATION =
            LakeOption.bool(
                    "lakeproxy.odps.timestampTruncation",
                    true,
                    "Truncate TIMESTAMP parameters of INSERT ... VALUES (?, ...) by the target"
                        + " column's precision (0-3: 3 decimal places, 4-6: 6, 7-9: 9), as Paimon"
                        + " stores them, so the read-back equals the value sent.");

    public static final LakeOption<Integer> METADATA_TTL =
            LakeOption.integer(
                    "lakeproxy.odps.metadataTtlSeconds",
                    30,
                    0,
                    86_400,
                    "How long table metadata (columns, primary keys, storage handler, Paimon"
                        + " options) is cached per server, project and table: a table changed"
                        + " elsewhere shows its change after this many seconds (a table that did"
                        + " not exist, after at most 10). DDL through lakeproxy forgets it at once;"
                        + " 0 reads it every time.");

    public static final LakeOption<Boolean> METADATA_PREFETCH =
            LakeOption.bool(
                    "lakeproxy.odps.metadataPrefetch",
                    true,
                    "After DatabaseMetaData.getTables, read the metadata of the listed tables"
                        + " ahead, at most 16 requests at once in the JVM, so that a navigator's"
                        + " getColumns and getPrimaryKeys of each table answer from memory (one"
                        + " request per table, as raw odps-jdbc's getColumns sends). false reads a"
                        + " table's metadata when it is first asked for.");

    public static final LakeOption<Integer> TIMEOUT = LakeOption.timeoutMillis(
            "lakeproxy.odps.timeoutMillis", 10_000,
            "How long each request lakeproxy itself sends to MaxCompute may take to connect, and "
            + "then to answer (whole seconds for the SDK, rounded up), not retried: whether a "
            + "project has schemas (at connect), the table metadata an INSERT is checked and "
            + "rewritten with (Tablestore scatter, Paimon write guard, TIMESTAMP precision) and "
            + "the metadata read ahead. When it passes, the statement runs as written with a "
            + "warning that says what was skipped; a table that could not be read is asked again "
            + "after 5 s.");

    public static List<LakeOption<?>> all() {
        List<LakeOption<?>> all = new java.util.ArrayList<>(CredentialsOptions.all());
        all.addAll(
                List.of(
                        TABLESTORE_SCATTER,
                        TABLESTORE_DDL_CHECKS,
                        SCHEMA_SYNTAX,
                        PAIMON_WRITE_GUARD,
                        TIMESTAMP_TRUNCATION,
                        METADATA_TTL,
                        METADATA_PREFETCH,
                        TIMEOUT));
        return List.copyOf(all);
    }
}
