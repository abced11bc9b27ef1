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

import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.external.TablestoreRules;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tablestore external tables are read through a PostgreSQL shadow: a copy of the simulated
 * Tablestore rows, refreshed when they changed since the last read.
 */
final class TablestoreShadows {

    private final SimulatedTablestore store;
    private final TableStorage storage;

    /** The Tablestore table version each shadow holds, by external table. */
    private final Map<String, Long> versions = new HashMap<>();

    TablestoreShadows(SimulatedTablestore store, TableStorage storage) {
        this.store = store;
        this.storage = storage;
    }

    /** After a rollback the shadow tables may be stale: refresh them on the next read. */
    void forget() {
        versions.clear();
    }

    /** Copies the simulated Tablestore rows into the external table's shadow, if they changed. */
    void refresh(Table t) throws SQLException {
        String ots = t.serdeProperties.get(TablestoreRules.TABLE_NAME);
        if (!store.tableExists(ots)) {
            throw TablestoreRules.missingTable(ots);
        }
        SimulatedTablestore.Table st = store.table(ots);
        String key = t.fullName();
        long v = st.version.get();
        Long seen = versions.get(key);
        if (seen != null && seen == v) {
            return;
        }
        storage.deleteAll(t);
        List<Object[]> rows = TablestoreRules.readRows(store, t);
        storage.insertRows(t, t.columns, rows, null);
        versions.put(key, v);
    }
}
