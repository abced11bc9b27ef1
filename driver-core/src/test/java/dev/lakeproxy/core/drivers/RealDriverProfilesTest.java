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
package dev.lakeproxy.core.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.core.LakeUrl;
import dev.lakeproxy.spi.RealUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealDriverProfilesTest {

    private static RealUrl parse(String subprotocol, String url, String... properties) {
        Properties p = new Properties();
        for (int i = 0; i < properties.length; i += 2) {
            p.setProperty(properties[i], properties[i + 1]);
        }
        return RealDriverProfiles.of(subprotocol).parse(url, p);
    }

    private static String key(String lakeUrl) throws SQLException {
        return LakeUrl.parse(lakeUrl).serverKey();
    }

    @Test
    void pgjdbcServerKeyIsHostsAndPortsWithoutCredentialsOrDatabase() throws SQLException {
        assertEquals(
                "jdbc:postgresql://holo:80",
                key("jdbc:lakeproxy:postgresql://holo:80/db?user=u&password=p"));
        assertEquals(
                "jdbc:postgresql://a:1,b:2",
                key("jdbc:lakeproxy:postgresql://u:secret@a:1,B:2/db"));
        assertEquals(
                "jdbc:postgresql://#service=mine",
                key("jdbc:lakeproxy:postgresql://?service=mine"));
    }

    @Test
    void odpsServerKeyIsEndpointAndProject() throws SQLException {
        assertEquals(
                "jdbc:odps:http://127.0.0.1:9/api#p",
                key("jdbc:lakeproxy:odps:http://127.0.0.1:9/api?project=P&accessKey=k"));
    }

    @Test
    void pgjdbcMovesSecretsOutOfTheUrl() {
        Properties target = new Properties();
        String url =
                RealDriverProfiles.of("postgresql")
                        .prepareUrl(
                                "jdbc:postgresql://h/db?password=s3&sslpassword=x&ssl=true",
                                target);
        assertEquals("jdbc:postgresql://h/db?ssl=true", url);
        assertEquals("s3", target.getProperty("password"));
        assertEquals("x", target.getProperty("sslpassword"));
    }

    @Test
    void secretParametersArePerDriver() {
        assertTrue(RealDriverProfiles.of("odps").isSecretParameter("accessId"));
        assertFalse(RealDriverProfiles.of("postgresql").isSecretParameter("accessId"));
        assertTrue(RealDriverProfiles.isSecretForAnyDriver("accessKey"));
        assertEquals(
                "org.postgresql.Driver", RealDriverProfiles.of("postgresql").driverClassName());
        assertEquals(null, RealDriverProfiles.of("mysql").driverClassName());
    }

    @Test
    void pgjdbcReadsTheDatabaseFromThePathAndTheUserFromTheUrlOverTheProperties() {
        RealUrl u = parse("postgresql", "jdbc:postgresql://holo:80/sales?user=url_user",
                "user", "props_user", "password", "pw");
        assertEquals("sales", u.database());
        assertEquals("url_user", u.user(), "the URL wins, as in pgjdbc");
        assertEquals("pw", u.parameter("PASSWORD"), "every parameter, by any case");
        assertEquals("holo", u.parameter("PGHOST"));
    }

    @Test
    void pgjdbcWithoutADatabaseConnectsToTheUsersOwn() {
        RealUrl u = parse("postgresql", "jdbc:postgresql://holo:80/", "user", "alice");
        assertEquals("alice", u.database(), "as PostgreSQL does");
        assertEquals("alice", u.user());
    }

    @Test
    void pgjdbcWithSeveralHostsKeepsThemAll() {
        RealUrl u = parse("postgresql", "jdbc:postgresql://a:1,b:2/db", "user", "u");
        assertEquals("db", u.database());
        assertEquals("a,b", u.parameter("PGHOST"));
        assertEquals("1,2", u.parameter("PGPORT"));
    }

    @Test
    void pgjdbcReadsAServiceFromItsServiceFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pg_service.conf"),
                "[mine]\nhost=svc-host\nport=6543\ndbname=svcdb\nuser=svcuser\n");
        String before = System.setProperty("org.postgresql.pgservicefile", file.toString());
        try {
            RealUrl u = parse("postgresql", "jdbc:postgresql://?service=mine");
            assertEquals("svcdb", u.database());
            assertEquals("svcuser", u.user());
            RealUrl over = parse("postgresql", "jdbc:postgresql://?service=mine&user=url_user");
            assertEquals("url_user", over.user(), "the URL over the service file");
        } finally {
            if (before == null) {
                System.clearProperty("org.postgresql.pgservicefile");
            } else {
                System.setProperty("org.postgresql.pgservicefile", before);
            }
        }
    }

    @Test
    void aUrlPgjdbcCannotReadGetsTheGenericReading() {
        RealUrl u = parse("postgresql", "jdbc:postgresql://holo?user=u");
        assertEquals("", u.database(), "pgjdbc itself will say what is wrong when it connects");
        assertEquals("u", u.user());
    }

    @Test
    void odpsJdbcNamesTheProjectAsTheDatabaseAndNoUser() {
        RealUrl u = parse("odps", "jdbc:odps:http://127.0.0.1:9/api?project=Sales&accessId=id",
                "project", "other", "user", "LTAI-id");
        assertEquals("Sales", u.database(), "the URL's project over the properties'");
        assertEquals("", u.user(), "the user is an AccessKey ID: not given out");
        assertEquals("id", u.parameter("accessId"));
    }
}
