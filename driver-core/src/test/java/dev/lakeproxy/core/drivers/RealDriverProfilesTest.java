package dev.lakeproxy.core.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.core.LakeUrl;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RealDriverProfilesTest {

    private static String key(String lakeUrl) throws SQLException {
        return LakeUrl.parse(lakeUrl).serverKey();
    }

    @Test
    void pgjdbcServerKeyIsHostsAndPortsWithoutCredentialsOrDatabase() throws SQLException {
        assertEquals("jdbc:postgresql://holo:80", key("jdbc:lakeproxy:postgresql://holo:80/db?user=u&password=p"));
        assertEquals("jdbc:postgresql://a:1,b:2", key("jdbc:lakeproxy:postgresql://u:secret@a:1,B:2/db"));
        assertEquals("jdbc:postgresql://#service=mine", key("jdbc:lakeproxy:postgresql://?service=mine"));
    }

    @Test
    void odpsServerKeyIsEndpointAndProject() throws SQLException {
        assertEquals("jdbc:odps:http://127.0.0.1:9/api#p", key("jdbc:lakeproxy:odps:http://127.0.0.1:9/api?project=P&accessKey=k"));
    }

    @Test
    void pgjdbcMovesSecretsOutOfTheUrl() {
        Properties target = new Properties();
        String url = RealDriverProfiles.of("postgresql").prepareUrl("jdbc:postgresql://h/db?password=s3&sslpassword=x&ssl=true", target);
        assertEquals("jdbc:postgresql://h/db?ssl=true", url);
        assertEquals("s3", target.getProperty("password"));
        assertEquals("x", target.getProperty("sslpassword"));
    }

    @Test
    void secretParametersArePerDriver() {
        assertTrue(RealDriverProfiles.of("odps").isSecretParameter("accessId"));
        assertFalse(RealDriverProfiles.of("postgresql").isSecretParameter("accessId"));
        assertTrue(RealDriverProfiles.isSecretForAnyDriver("accessKey"));
        assertEquals("org.postgresql.Driver", RealDriverProfiles.of("postgresql").driverClassName());
        assertEquals(null, RealDriverProfiles.of("mysql").driverClassName());
    }
}
