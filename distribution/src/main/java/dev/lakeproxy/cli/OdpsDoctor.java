package dev.lakeproxy.cli;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.spi.Secrets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The MaxCompute checks: project, schema syntax, a job (RAM control plane), and listing tables (DLF data plane). */
final class OdpsDoctor {

    private final Connection connection;
    private final String url;

    OdpsDoctor(Connection connection, String url) {
        this.connection = connection;
        this.url = url;
    }

    /** The project the URL names: odps-jdbc reports no catalog for a two-tier project. */
    private String project() throws SQLException {
        String catalog = connection.getCatalog();
        if (catalog != null) {
            return catalog;
        }
        Matcher m = Pattern.compile("[?&]project=([^&]+)").matcher(url);
        return m.find() ? m.group(1) : "(none in the URL)";
    }

    void check(List<Check> checks) throws SQLException {
        LakeproxyConnection lake = connection.unwrap(LakeproxyConnection.class);
        String project = project();
        checks.add(Check.ok("project", project + "; plugins " + lake.activePlugins()
                + (lake.connectActions().isEmpty() ? "" : "; at connect: " + lake.connectActions())));
        int schemas = 0;
        try (ResultSet rs = connection.getMetaData().getSchemas()) {
            while (rs.next()) {
                schemas++;
            }
            checks.add(Check.ok("schemas", schemas + " schema(s) visible to DBeaver's navigator"));
        } catch (SQLException e) {
            checks.add(failure("schemas", e));
        }
        probe(checks, "job", "SELECT 1");
        probe(checks, "list tables", "SHOW TABLES");
    }

    private void probe(List<Check> checks, String name, String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
            checks.add(Check.ok(name, sql + " ran"));
        } catch (SQLException e) {
            checks.add(failure(name, e));
        }
    }

    private static Check failure(String name, SQLException e) {
        String m = Secrets.maskText(String.valueOf(e.getMessage()));
        int fix = m.indexOf("Fix:");
        return fix < 0 ? Check.fail(name, m, "see docs/troubleshooting.md")
                : Check.fail(name, m.substring(0, fix).trim(), m.substring(fix + 4).trim());
    }
}
