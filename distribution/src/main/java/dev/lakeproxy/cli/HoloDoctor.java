package dev.lakeproxy.cli;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.core.LakeUrl;
import dev.lakeproxy.spi.Secrets;
import dev.lakeproxy.holo.HoloVersion;
import dev.lakeproxy.holo.kms.KeyInfo;
import dev.lakeproxy.holo.kms.Kms;
import dev.lakeproxy.holo.kms.KmsClients;
import dev.lakeproxy.holo.kms.KmsException;
import dev.lakeproxy.holo.kms.KmsOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Hologres checks of DESIGN.md section 3. */
final class HoloDoctor {

    private static final String ROUTING = "hg_experimental_external_catalog_routing";
    private static final String ORC = "hg_experimental_enable_access_odps_orc_via_holo";
    private static final String RAM_FIX = "in the RAM console, create policy AliyunHologresEncryptionDefaultRolePolicy "
            + "(kms:Encrypt, kms:Decrypt, kms:GenerateDataKey, kms:DescribeKey on acs:kms:*:*:*/*) and role "
            + "AliyunHologresEncryptionDefaultRole (trusted service: Hologres) with that policy granted at account scope";

    private final Connection connection;
    private final Connection real;
    private final Map<String, String> options;

    HoloDoctor(Connection connection, String url) throws SQLException {
        this.connection = connection;
        this.real = connection.unwrap(Connection.class);
        this.options = LakeUrl.parse(Connect.lakeUrl(url)).options();
    }

    void check(List<Check> checks) throws SQLException {
        String hgVersion = scalar("SELECT hg_version()");
        if (hgVersion == null) {
            checks.add(Check.warn("version", "plain PostgreSQL, not Hologres (no hg_version()): lakeproxy passes everything through",
                    "nothing to fix if this is meant to be PostgreSQL"));
            return;
        }
        HoloVersion v = HoloVersion.parse(hgVersion);
        checks.add(versionCheck(v));
        LakeproxyConnection lake = connection.unwrap(LakeproxyConnection.class);
        checks.add(Check.ok("plugin", "active plugins " + lake.activePlugins() + "; at connect: " + lake.connectActions()));
        if (v.hasCommonTable()) {
            String session = scalar("SELECT current_setting('" + ROUTING + "', true)");
            boolean common = session != null && session.replace(" ", "").toLowerCase().contains("odps:common_table");
            checks.add(common ? Check.ok("routing", levels(ROUTING, session))
                    : Check.warn("routing", levels(ROUTING, session), "SET " + ROUTING + " = 'odps:common_table,dlf:hqe' (or ALTER DATABASE <db> SET ...)"));
        } else {
            checks.add(Check.ok("routing", "not available before V3.2; the legacy SQE path applies"));
        }
        checks.add(Check.ok("sqe setting", levels(ORC, scalar("SELECT current_setting('" + ORC + "', true)"))));
        boolean inDoubt = probeForeignTables(checks);
        checkKms(checks);
        if (inDoubt) {
            checks.add(Check.warn("ram role", "AliyunHologresEncryptionDefaultRole and AliyunHologresEncryptionDefaultRolePolicy are in doubt: "
                    + "an encrypted read failed on the right engine", RAM_FIX));
        }
    }

    private static Check versionCheck(HoloVersion v) {
        if (!v.atLeast(HoloVersion.V1_1)) {
            return Check.warn("version", "Hologres " + v + ": encrypted MaxCompute data cannot be read before V1.1",
                    "upgrade the instance (V3.2 or later recommended)");
        }
        if (!v.atLeast(HoloVersion.V1_3_31)) {
            return Check.warn("version", "Hologres " + v + ": reading encrypted MaxCompute data needs a backend configuration before V1.3.31",
                    "upgrade to V1.3.31 or later, or ask Hologres support for the backend configuration");
        }
        return Check.ok("version", "Hologres " + v + (v.hasCommonTable() ? " (Common Table reads encrypted data)" : " (legacy path: SQE for encrypted data)"));
    }

    /** The setting at session, database and role level. */
    private String levels(String setting, String sessionValue) throws SQLException {
        StringBuilder sb = new StringBuilder("session '" + (sessionValue == null ? "" : sessionValue) + "'");
        try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(d.datname, '-'), coalesce(r.rolname, 'ALL'), c FROM pg_db_role_setting x "
                        + "LEFT JOIN pg_database d ON d.oid = x.setdatabase LEFT JOIN pg_roles r ON r.oid = x.setrole, "
                        + "unnest(x.setconfig) c WHERE c LIKE '" + setting + "=%'")) {
            while (rs.next()) {
                String value = rs.getString(3).substring(setting.length() + 1);
                String level = rs.getString(1).equals("-") ? "role " + rs.getString(2) : rs.getString(2).equals("ALL")
                        ? "database " + rs.getString(1) : "role " + rs.getString(2) + " in database " + rs.getString(1);
                sb.append(", ").append(level).append(" '").append(value).append('\'');
            }
        }
        return sb.toString();
    }

    /** A one-row probe of each foreign table, through lakeproxy. Returns whether the RAM role is in doubt. */
    private boolean probeForeignTables(List<Check> checks) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT n.nspname, c.relname, array_to_string(ft.ftoptions, ', ') FROM pg_foreign_table ft "
                        + "JOIN pg_class c ON c.oid = ft.ftrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "JOIN pg_foreign_server fs ON fs.oid = ft.ftserver WHERE fs.srvname = 'odps_server' ORDER BY 1, 2")) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        if (tables.isEmpty()) {
            checks.add(Check.warn("foreign tables", "no MaxCompute foreign tables (server odps_server) in this database",
                    "CREATE FOREIGN TABLE ... SERVER odps_server OPTIONS (project_name '...', table_name '...'), or IMPORT FOREIGN SCHEMA"));
            return false;
        }
        checks.add(Check.ok("foreign tables", tables.size() + " MaxCompute foreign tables on odps_server"));
        boolean inDoubt = false;
        for (String[] t : tables) {
            String name = quote(t[0]) + "." + quote(t[1]);
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + name + " LIMIT 1")) {
                checks.add(Check.ok("probe " + t[0] + "." + t[1], (rs.next() ? "read one row" : "readable (no rows)") + " (" + t[2] + ")"));
            } catch (SQLException e) {
                String message = Secrets.maskText(e.getMessage());
                inDoubt |= message.contains("still failed");
                checks.add(Check.fail("probe " + t[0] + "." + t[1], firstSentence(message) + " (" + t[2] + ")", rest(message)));
            }
        }
        return inDoubt;
    }

    private void checkKms(List<Check> checks) {
        Kms kms = KmsClients.of(o -> options.getOrDefault(o.name(), o.defaultValue()), keys());
        if (kms == null) {
            return;
        }
        for (String pair : keys()) {
            String project = pair.substring(0, Math.max(0, pair.indexOf('=')));
            String keyId = kms.keyOf(project);
            if (keyId == null) {
                continue;
            }
            try {
                KeyInfo k = kms.describe(keyId);
                checks.add(k.usable() ? Check.ok("kms key " + project, k.toString())
                        : Check.fail("kms key " + project, k.toString(), k.state().equals("PendingDeletion")
                            ? "cancel the key's deletion (CancelKeyDeletion) and enable it" : "enable the key in the KMS console (EnableKey)"));
            } catch (KmsException e) {
                checks.add(Check.warn("kms key " + project, e.getMessage(), "check lakeproxy.kms.endpoint / regionId and the credentials"));
            }
        }
    }

    private List<String> keys() {
        String raw = options.get(KmsOptions.KEYS.name());
        List<String> keys = new ArrayList<>();
        if (raw != null) {
            for (String k : raw.split(",")) {
                if (!k.isBlank()) {
                    keys.add(k.trim());
                }
            }
        }
        return keys;
    }

    private String scalar(String sql) {
        try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String firstSentence(String m) {
        int dot = m.indexOf(". ");
        return dot < 0 ? m : m.substring(0, dot + 1);
    }

    private static String rest(String m) {
        int dot = m.indexOf(". ");
        return dot < 0 ? "see the message" : m.substring(dot + 2);
    }

}
