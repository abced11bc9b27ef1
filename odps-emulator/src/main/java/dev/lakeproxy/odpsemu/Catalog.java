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
package dev.lakeproxy.odpsemu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory MaxCompute metadata: projects, schemas, tables. Row data lives in PostgreSQL. */
public final class Catalog {

    public static final String TABLESTORE_HANDLER = "com.aliyun.odps.TableStoreStorageHandler";

    enum ProjectType {
        MANAGED,
        EXTERNAL
    }

    public static final class Project {
        public final String name;
        final ProjectType type;
        public final boolean threeTier;
        public final String dlfCatalog; // only for Paimon_DLF external projects
        public final String owner;

        /**
         * Schemas; for a Paimon_DLF project, the databases of its DLF catalog (shared by every
         * project on it).
         */
        public final Map<String, Schema> schemas;

        public final long createdAt = System.currentTimeMillis();

        /** Readable by every user, writable by none (see {@link PublicProjects}). */
        volatile boolean isPublic;

        Project(
                String name,
                ProjectType type,
                boolean threeTier,
                String dlfCatalog,
                String owner,
                Map<String, Schema> schemas) {
            this.name = name;
            this.schemas = schemas;
            this.type = type;
            this.threeTier = threeTier;
            this.dlfCatalog = dlfCatalog;
            this.owner = owner;
        }

        public boolean isPaimonDlf() {
            return type == ProjectType.EXTERNAL;
        }
    }

    public static final class Schema {
        public final String project;
        public final String name;
        final String pgSchema;
        public final Map<String, Table> tables = new ConcurrentHashMap<>();

        Schema(String project, String name, String pgSchema) {
            this.project = project;
            this.name = name;
            this.pgSchema = pgSchema;
        }

        public String pgSchema() {
            return pgSchema;
        }
    }

    public static final class Column {
        public final String name;

        /**
         * The MaxCompute type as the SDK parses it, upper case: BIGINT, DECIMAL(10,2), TIMESTAMP.
         */
        public final String type;

        public final int precision; // TIMESTAMP(p) precision, -1 when not given
        public final String comment;

        public Column(String name, String type, int precision, String comment) {
            this.name = name;
            this.type = type;
            this.precision = precision;
            this.comment = comment;
        }

        /** The type as DDL and DESC show it, with a TIMESTAMP precision when one was given. */
        public String typeText() {
            return precision >= 0 ? type + "(" + precision + ")" : type;
        }

        String baseType() {
            int p = type.indexOf('(');
            int angle = type.indexOf('<');
            if (angle >= 0 && (p < 0 || angle < p)) {
                p = angle;
            }
            return p < 0 ? type : type.substring(0, p);
        }
    }

    public static final class Table {
        public final String project;
        public final String schema;
        public final String name;
        public final List<Column> columns;
        public final List<Column> partitionColumns;
        public String comment;
        public Long lifecycle;
        public boolean external;
        public String storageHandler;
        public String location;
        public final Map<String, String> serdeProperties = new LinkedHashMap<>();
        public final Map<String, String> tblProperties = new LinkedHashMap<>();
        public final String owner;

        /**
         * Partitions created by ALTER TABLE ... ADD PARTITION (normalised {@code k=v/k2=v2}),
         * possibly empty.
         */
        public final java.util.Set<String> addedPartitions = ConcurrentHashMap.newKeySet();

        /** PostgreSQL schema holding the rows (a DLF catalog's database for Paimon tables). */
        public String pgSchema;

        public final long createdAt = System.currentTimeMillis();
        public volatile long lastModified = createdAt;

        public Table(
                String project,
                String schema,
                String name,
                List<Column> columns,
                List<Column> partitionColumns,
                String owner) {
            this.project = project;
            this.schema = schema;
            this.name = name;
            this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
            this.partitionColumns = Collections.unmodifiableList(new ArrayList<>(partitionColumns));
            this.owner = owner;
        }

        public boolean isTablestore() {
            return storageHandler != null && storageHandler.equals(TABLESTORE_HANDLER);
        }

        public List<Column> allColumns() {
            List<Column> all = new ArrayList<>(columns);
            all.addAll(partitionColumns);
            return all;
        }

        public Column column(String n) {
            for (Column c : allColumns()) {
                if (c.name.equalsIgnoreCase(n)) {
                    return c;
                }
            }
            return null;
        }

        String pgSchema() {
            return pgSchema != null ? pgSchema : pgSchemaName(project, schema);
        }

        public String pgQualified() {
            return quote(pgSchema()) + "." + quote(name);
        }

        public String fullName() {
            return project + "." + schema + "." + name;
        }
    }

    public final Map<String, Project> projects = new ConcurrentHashMap<>();

    /**
     * Simulated DLF catalogs: catalog name to its databases (schemas), shared by the projects
     * attached to it.
     */
    final Map<String, Map<String, Schema>> dlfCatalogs = new ConcurrentHashMap<>();

    public Project project(String name) {
        return name == null ? null : projects.get(name.toLowerCase(Locale.ROOT));
    }

    static String pgSchemaName(String project, String schema) {
        return (project + "$" + schema).toLowerCase(Locale.ROOT);
    }

    static String dlfPgSchemaName(String catalog, String database) {
        return ("dlf$" + catalog + "$" + database).toLowerCase(Locale.ROOT);
    }

    public static String quote(String ident) {
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }

    /**
     * column.repeated.in.creation and duplicated.partition.column ("Rewrite incompatible SQL
     * statements"): a name may appear once among a table's columns and partition columns.
     */
    public static void requireDistinctNames(List<Column> columns, List<Column> partitionColumns) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Column> all = new ArrayList<>(columns);
        all.addAll(partitionColumns);
        for (Column c : all) {
            if (!seen.add(c.name.toLowerCase(Locale.ROOT))) {
                throw new OdpsSqlException(
                        "ODPS-0130071",
                        "[1,1] Semantic analysis exception - column repeated in creation: "
                                + c.name);
            }
        }
    }
}
