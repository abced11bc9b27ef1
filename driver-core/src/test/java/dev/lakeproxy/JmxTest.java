package dev.lakeproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.testing.EmbeddedPg;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class JmxTest {

    @Test
    void theDriversCountersAreAnMBean() throws Exception {
        try (Connection c =
                        DriverManager.getConnection(
                                EmbeddedPg.lakeUrl("postgres") + "&lakeproxy.test.enabled=true");
                Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            s.execute("SELECT 'lp_x'");
        }
        ObjectName name = Driver.registered().mbeanName();
        assertNotNull(name);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long statements = (Long) server.getAttribute(name, "statements");
        assertTrue(statements >= 2, "statements " + statements);
        assertEquals(
                Driver.registered().metrics().analysed.sum(),
                (long) (Long) server.getAttribute(name, "analysed"));
        double rate = (Double) server.getAttribute(name, "ParseCacheHitRate");
        assertTrue(rate >= 0 && rate <= 1);
        assertTrue(
                Arrays.stream(server.getMBeanInfo(name).getAttributes())
                        .anyMatch(a -> a.getName().equals("retries")));
    }
}
