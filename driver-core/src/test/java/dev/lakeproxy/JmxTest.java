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
