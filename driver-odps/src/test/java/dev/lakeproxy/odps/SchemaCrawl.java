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

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/** A real schema-walking tool, SchemaCrawler 16.21.2, crawling a database through a JDBC URL. */
final class SchemaCrawl {

    private SchemaCrawl() {
    }

    static Catalog catalog(String url, SchemaCrawlerOptions options) {
        return SchemaCrawlerUtility.getCatalog(DatabaseConnectionSources
                .newDatabaseConnectionSource(url, new MultiUseUserCredentials()), options);
    }

    /** Each table's full name → its columns, primary-key columns marked {@code *}. */
    static TreeMap<String, String> tables(Catalog catalog) {
        TreeMap<String, String> tree = new TreeMap<>();
        for (Schema s : catalog.getSchemas()) {
            for (Table t : catalog.getTables(s)) {
                List<String> cols = new ArrayList<>();
                for (Column c : t.getColumns()) {
                    cols.add(c.getName() + (c.isPartOfPrimaryKey() ? "*" : ""));
                }
                String name = t.getFullName().replace("\"", "").replace("`", "");
                tree.put(name, String.join(",", cols));
            }
        }
        return tree;
    }
}
