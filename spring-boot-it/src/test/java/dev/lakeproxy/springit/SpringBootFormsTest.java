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
package dev.lakeproxy.springit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.lakeproxy.cloudsim.LoopbackKms;
import dev.lakeproxy.holosim.HoloSimulator;
import dev.lakeproxy.holosim.SampleData;
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real Spring Boot 3 application per documented form and product, under Spring Boot's managed
 * versions.
 */
class SpringBootFormsTest {

    private static final String BLOB = "U3ByaW5nLUJvb3QtY2lwaGVydGV4dC1ibG9i";
    private static HoloSimulator holo;
    private static MaxComputeEmulator odps;
    private static LoopbackKms kms;

    @BeforeAll
    static void start() throws Exception {
        holo = HoloSimulator.builder().version("3.2.5").start();
        SampleData.seed(holo);
        odps = MaxComputeEmulator.builder().project("boot").start();
        kms = new LoopbackKms().key("sample-cmk-id", "Enabled").ciphertext(BLOB, holo.password());
    }

    @AfterAll
    static void stop() {
        kms.close();
        odps.close();
        holo.close();
    }

    private static String holoUrl() {
        return "jdbc:lakeproxy:" + holo.jdbcUrl().substring("jdbc:".length());
    }

    private static String odpsUrl() {
        return "jdbc:lakeproxy:" + odps.jdbcUrl("boot").substring("jdbc:".length());
    }

    private static List<Map<String, Object>> query(
            Class<?> app, Map<String, Object> properties, String... sql) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(app)
                .web(WebApplicationType.NONE).properties(properties).run()) {
            assertInstanceOf(
                    HikariDataSource.class, context.getBean(DataSource.class), "a HikariCP pool");
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            for (int i = 0; i < sql.length - 1; i++) {
                jdbc.execute(sql[i]);
            }
            return jdbc.queryForList(sql[sql.length - 1]);
        }
    }

    private static String rows(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.values().toString()).reduce("", String::concat);
    }

    @Test
    void theLoadedPgjdbcIsTheVersionSpringBootManages() {
        String managed = System.getProperty("boot.postgresql.version");
        assertNotNull(managed, "the build passes Spring Boot's postgresql.version");
        // Driver.getVersion() runs in the loaded jar; DriverInfo's constant would be copied here
        assertEquals("PostgreSQL JDBC Driver " + managed, org.postgresql.Driver.getVersion(),
                "loaded from " + org.postgresql.Driver.class.getProtectionDomain().getCodeSource());
    }

    @Test
    void hologresJdbcUrlForm() {
        List<Map<String, Object>> rows = query(DriverFromProperties.class, Map.of(
                "spring.datasource.url", holoUrl(),
                "spring.datasource.username", holo.user(),
                "spring.datasource.password", holo.password(),
                "spring.datasource.driver-class-name", "dev.lakeproxy.Driver"),
                "SELECT id, paid FROM payments ORDER BY id");
        assertEquals("[10, 1.50][11, 2.25]", rows(rows), "the BYOK-encrypted foreign table");
    }

    @Test
    void hologresDataSourceClassNameForm() {
        List<Map<String, Object>> rows = query(HikariFromProperties.class, Map.of(
                "spring.datasource.hikari.data-source-class-name", "dev.lakeproxy.LakeDataSource",
                "spring.datasource.hikari.data-source-properties.url", holoUrl(),
                "spring.datasource.hikari.data-source-properties.user", holo.user(),
                "spring.datasource.hikari.data-source-properties.password", holo.password()),
                "SELECT id, paid FROM payments ORDER BY id");
        assertEquals("[10, 1.50][11, 2.25]", rows(rows));
    }

    @Test
    void hologresKmsPasswordUnderSpringBootsGsonAndJaxb() {
        String options =
                "?lakeproxy.kms.endpoint="
                        + kms.endpoint()
                        + "&lakeproxy.kms.protocol=http"
                        + "&lakeproxy.kms.accessKeyId=LTAI-boot"
                        + "&lakeproxy.kms.accessKeySecret=boot-secret";
        List<Map<String, Object>> rows = query(DriverFromProperties.class, Map.of(
                "spring.datasource.url", holoUrl() + options,
                "spring.datasource.username", holo.user(),
                "spring.datasource.password", "kms:" + BLOB,
                "spring.datasource.driver-class-name", "dev.lakeproxy.Driver"),
                "SELECT id, paid FROM payments ORDER BY id");
        assertEquals("[10, 1.50][11, 2.25]", rows(rows));
        assertTrue(kms.requests().contains("Decrypt " + BLOB), kms.requests().toString());
    }

    @Test
    void maxComputeJdbcUrlForm() {
        List<Map<String, Object>> rows = query(DriverFromProperties.class, Map.of(
                "spring.datasource.url", odpsUrl(),
                "spring.datasource.username", odps.accessId(),
                "spring.datasource.password", odps.accessKey(),
                "spring.datasource.driver-class-name", "dev.lakeproxy.Driver"),
                "CREATE TABLE IF NOT EXISTS by_url (id BIGINT, name STRING)",
                "INSERT INTO by_url VALUES (1, 'Zhang San')",
                "SELECT id, name FROM by_url");
        assertEquals("[1, Zhang San]", rows(rows));
    }

    @Test
    void maxComputeDataSourceClassNameForm() {
        List<Map<String, Object>> rows = query(HikariFromProperties.class, Map.of(
                "spring.datasource.hikari.data-source-class-name", "dev.lakeproxy.LakeDataSource",
                "spring.datasource.hikari.data-source-properties.url", odpsUrl(),
                "spring.datasource.hikari.data-source-properties.user", odps.accessId(),
                "spring.datasource.hikari.data-source-properties.password", odps.accessKey()),
                "CREATE TABLE IF NOT EXISTS by_class (id BIGINT, name STRING)",
                "INSERT INTO by_class VALUES (2, 'Li Si')",
                "SELECT id, name FROM by_class");
        assertEquals("[2, Li Si]", rows(rows));
    }
}
