package dev.lakeproxy.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens a lakeproxy connection from the CLI's --url/--user/--password. */
final class Connect {

    private Connect() {
    }

    static Connection open(String url, String user, String password) throws SQLException {
        if (!url.startsWith("jdbc:lakeproxy:")) {
            url = url.startsWith("jdbc:") ? "jdbc:lakeproxy:" + url.substring(5) : "jdbc:lakeproxy:" + url;
        }
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection(url, p);
    }
}
