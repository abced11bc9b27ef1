package dev.lakeproxy.holosim;

import java.sql.*;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() throws Exception {
        long t0 = System.nanoTime();
        try (HoloSimulator sim = HoloSimulator.builder().version("3.2.5").start()) {
            System.out.println("start ms " + (System.nanoTime() - t0) / 1e6);
            try (Connection c = DriverManager.getConnection(sim.jdbcUrl(), sim.user(), sim.password());
                 Statement st = c.createStatement()) {
                for (String q : new String[] {"SELECT hg_version()", "SHOW hg_experimental_external_catalog_routing",
                        "SHOW hg_experimental_enable_access_odps_orc_via_holo",
                        "SELECT name, setting FROM pg_settings WHERE name LIKE 'hg%'"}) {
                    try (ResultSet rs = st.executeQuery(q)) {
                        System.out.println(rs.getMetaData().getColumnName(1));
                        while (rs.next()) System.out.println(q + " -> [" + rs.getString(1) + "]");
                    }
                }
            }
        }
    }
}
