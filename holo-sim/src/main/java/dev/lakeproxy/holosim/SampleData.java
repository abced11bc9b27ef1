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
package dev.lakeproxy.holosim;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The documented sample that the command-line server seeds (also callable from Java):
 *
 * <table>
 *   <caption>Sample MaxCompute projects and the foreign tables in database {@code postgres}
 *   </caption>
 *   <tr>
 *     <th>project</th><th>encryption</th><th>table (foreign table {@code public.<name>})</th>
 *   </tr>
 *   <tr>
 *     <td>{@code sample_plain}</td><td>NONE</td>
 *     <td>{@code orders(id bigint, item text, amount numeric(10,2))}, 3 rows</td>
 *   </tr>
 *   <tr>
 *     <td>{@code sample_byok}</td><td>BYOK, key {@code sample-cmk-id}</td>
 *     <td>{@code payments(id bigint, order_id bigint, paid numeric(10,2))}, 2 rows</td>
 *   </tr>
 *   <tr>
 *     <td>{@code sample_default_key}</td><td>DEFAULT_KEY</td>
 *     <td>{@code customers(id bigint, name text)}, 2 rows</td>
 *   </tr>
 * </table>
 */
public final class SampleData {
    private SampleData() {
    }

    /**
     * Seeds the sample projects and creates the foreign tables {@code
     * public.orders|payments|customers} in postgres.
     */
    public static void seed(HoloSimulator sim) {
        MaxComputeStore mc = sim.maxcompute();
        mc.project("sample_plain").encryption(Encryption.NONE)
                .table("orders", "id bigint, item text, amount numeric(10,2)")
                .insert(1, "apple", "1.50").insert(2, "pear", "2.25").insert(3, "plum", "0.80");
        mc.project("sample_byok").encryption(Encryption.BYOK, "sample-cmk-id")
                .table("payments", "id bigint, order_id bigint, paid numeric(10,2)")
                .insert(10, 1, "1.50").insert(11, 2, "2.25");
        mc.project("sample_default_key").encryption(Encryption.DEFAULT_KEY)
                .table("customers", "id bigint, name text")
                .insert(100, "Alice").insert(101, "Bob");
        try (Connection c = sim.directConnection(HoloSimulator.DEFAULT_DATABASE);
                Statement st = c.createStatement()) {
            st.execute(
                    "CREATE FOREIGN TABLE IF NOT EXISTS public.orders (id bigint, item text, amount"
                        + " numeric(10,2)) SERVER odps_server OPTIONS (project_name 'sample_plain',"
                        + " table_name 'orders');CREATE FOREIGN TABLE IF NOT EXISTS public.payments"
                        + " (id bigint, order_id bigint, paid numeric(10,2)) SERVER odps_server"
                        + " OPTIONS (project_name 'sample_byok', table_name 'payments');CREATE"
                        + " FOREIGN TABLE IF NOT EXISTS public.customers (id bigint, name text)"
                        + " SERVER odps_server OPTIONS (project_name 'sample_default_key',"
                        + " table_name 'customers')");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create the sample foreign tables: " + e.getMessage(), e);
        }
        sim.markAllCatalogsDirty();
    }
}
