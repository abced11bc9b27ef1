package dev.lakeproxy.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens a lakeproxy connection from the CLI's --url/--user/--password. */
final class Connect {

    private Connect() {
    }

    /** The lakeproxy URL for what the user gave: a lakeproxy URL, the real driver's URL, or one without "jdbc:". */
    static String lakeUrl(String url) {
        if (url.startsWith("jdbc:lakeproxy:")) {
            return url;
        }
        return url.startsWith("jdbc:") ? "jdbc:lakeproxy:" + url.substring(5) : "jdbc:lakeproxy:" + url;
    }

    static Connection open(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(lakeUrl(url), p);
    }
}
