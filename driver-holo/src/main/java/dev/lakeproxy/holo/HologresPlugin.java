package dev.lakeproxy.holo;

import dev.lakeproxy.holo.kms.Kms;
import dev.lakeproxy.holo.kms.KmsClients;
import dev.lakeproxy.holo.kms.KmsException;
import dev.lakeproxy.holo.kms.KmsOptions;
import dev.lakeproxy.spi.ConnectRequest;
import dev.lakeproxy.spi.LakeOption;
import dev.lakeproxy.spi.LakePlugin;
import dev.lakeproxy.spi.PluginContext;
import dev.lakeproxy.spi.SessionPlugin;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Hologres plugin: detects the instance's version once (one round trip for the first connection, none
 * after), makes Common Table routing effective from V3.2 through the startup options, and on V1.1–V3.1
 * switches foreign-table reads of KMS-encrypted projects to SQE.
 */
public final class HologresPlugin implements LakePlugin {

    private static final Logger LOG = Logger.getLogger(HologresPlugin.class.getName());
    static final String ROUTING_SETTING = "hg_experimental_external_catalog_routing";

    @Override
    public String name() {
        return "holo";
    }

    @Override
    public boolean serves(String subprotocol) {
        return subprotocol.equals("postgresql");
    }

    @Override
    public List<LakeOption<?>> options() {
        return HoloOptions.all();
    }

    @Override
    public void beforeConnect(ConnectRequest request) throws SQLException {
        decryptKmsPassword(request);
        HoloInstance instance = HoloInstance.of(request.serverKey());
        HoloVersion v = instance.version;
        HoloInstance.SessionDefaults d = instance.database(databaseAndUser(request.realUrl(), request.realProperties())).freshDefaults();
        if (v == null || v == HoloInstance.NOT_HOLOGRES || d == null || d.injectedRouting == null) {
            return;
        }
        Properties props = request.realProperties();
        String options = props.getProperty("options", "");
        if (options.contains(ROUTING_SETTING)) {
            return; // the user set it at startup themselves
        }
        String add = "-c " + ROUTING_SETTING + "=" + d.injectedRouting.replace("\\", "\\\\").replace(" ", "\\ ");
        props.setProperty("options", options.isBlank() ? add : options + " " + add);
        request.note("startup option " + add + " (Hologres " + v + ": Common Table reads encrypted MaxCompute data)");
    }

    @Override
    public SessionPlugin activate(PluginContext ctx) throws SQLException {
        HoloInstance instance = HoloInstance.of(ctx.serverKey());
        HoloInstance.Database db = instance.database(databaseAndUser(ctx.realUrl(), ctx.realProperties()));
        String routing = ctx.option(HoloOptions.ROUTING);
        HoloInstance.SessionDefaults defaults;
        synchronized (db) { // single flight: a pool opening many connections at once still detects once
            if (instance.version == HoloInstance.NOT_HOLOGRES) {
                return null;
            }
            defaults = instance.version == null ? null : db.freshDefaults();
            if (defaults == null) {
                Detection found = detect(ctx.realConnection(), routing);
                ctx.counter("holo.detections").increment();
                if (found == null) {
                    instance.version = HoloInstance.NOT_HOLOGRES;
                    LOG.log(Level.FINE, "no hg_version(): plain PostgreSQL, the Hologres plugin stays off");
                    return null;
                }
                instance.version = found.version;
                db.catalog(found.catalog);
                defaults = found.defaults;
                db.defaults(defaults);
                LOG.log(Level.FINE, "detected Hologres {0}; routing: {1}; legacy engine: {2}", new Object[] {found.version,
                    defaults.injectedRouting != null ? defaults.injectedRouting : defaults.routingNote, defaults.baseMode});
                ctx.note("detected Hologres " + found.version + " with hg_version()");
                if (found.appliedRouting) {
                    ctx.note("SET " + ROUTING_SETTING + " = '" + defaults.injectedRouting + "' (in the detection query)");
                    ctx.settingSent();
                }
            }
        }
        if (defaults.routingNote != null && instance.version.hasCommonTable()) {
            ctx.note("routing left alone: " + defaults.routingNote);
        }
        return new HoloSession(ctx, instance, db, defaults);
    }

    /** A password given as {@code kms:<CiphertextBlob>} is decrypted with KMS Decrypt; neither is ever logged. */
    private static void decryptKmsPassword(ConnectRequest request) throws SQLException {
        String password = request.realProperties().getProperty("password");
        if (password == null || !password.regionMatches(true, 0, "kms:", 0, 4)) {
            return;
        }
        Kms kms = KmsClients.of(request::option, request.option(KmsOptions.KEYS));
        if (kms == null) {
            throw HoloMessages.M.create("28P01", "holo.kms.passwordNeedsKms");
        }
        try {
            request.realProperties().setProperty("password", kms.decrypt(password.substring(4)));
        } catch (KmsException e) {
            throw new SQLException(HoloMessages.M.format("holo.kms.passwordFailed", e.getMessage()), "28P01");
        }
        request.note("password decrypted with KMS Decrypt");
    }

    static final class Detection {
        HoloVersion version;
        HoloInstance.SessionDefaults defaults;
        ForeignCatalog catalog;
        boolean appliedRouting;
    }

    /**
     * One round trip: the version, the routing and engine settings a session starts with, the foreign-table
     * catalog, and (when routing should be made effective and the database or role does not route odps yet)
     * the routing itself, with set_config. {@code null} on plain PostgreSQL.
     */
    static Detection detect(Connection real, String routingOption) throws SQLException {
        String apply = routingValue(routingOption);
        // hv: the version as major * 1000 + minor, so the routing is set only where the setting exists (V3.2+)
        String setRouting = apply == null ? "NULL"
                : "CASE WHEN hv >= 3002" + (routingOption.equals("auto") ? " AND strpos(lower(coalesce(r, '')), 'odps:') = 0" : "")
                + " THEN set_config('" + ROUTING_SETTING + "', '" + apply.replace("'", "''") + "', false) END";
        String sql = "SELECT v, r, o, c, " + setRouting + " FROM (SELECT v, "
                + "current_setting('" + ROUTING_SETTING + "', true) AS r, "
                + "current_setting('" + EngineMode.SETTING + "', true) AS o, (" + ForeignCatalog.LIST_SQL + ") AS c, "
                + "(SELECT m[1]::int * 1000 + m[2]::int FROM regexp_match(v, 'Hologres (\\d+)\\.(\\d+)') m) AS hv "
                + "FROM (SELECT hg_version() AS v) x) d";
        boolean autoCommit = real.getAutoCommit();
        try (Statement s = real.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            Detection d = new Detection();
            d.version = HoloVersion.parse(rs.getString(1));
            if (d.version == null) {
                return null;
            }
            String currentRouting = rs.getString(2);
            d.appliedRouting = rs.getString(5) != null;
            d.catalog = ForeignCatalog.parse(rs.getString(4));
            String note = null;
            if (!d.version.hasCommonTable()) {
                note = "Hologres " + d.version + " has no Common Table (V3.2+)";
            } else if (apply == null) {
                note = "lakeproxy.holo.routing=off";
            } else if (!d.appliedRouting) {
                note = "the database or role already routes odps: '" + currentRouting + "'";
            }
            d.defaults = new HoloInstance.SessionDefaults(d.appliedRouting ? apply : null, note, EngineMode.ofSetting(rs.getString(3)));
            return d;
        } catch (SQLException e) {
            if ("42883".equals(e.getSQLState())) { // function hg_version() does not exist
                if (!autoCommit) {
                    real.rollback();
                }
                return null;
            }
            throw e;
        }
    }

    /** The routing value to apply for an option value, or {@code null} for {@code off}. */
    static String routingValue(String option) {
        if (option.equals("off")) {
            return null;
        }
        return option.equals("auto") ? HoloOptions.COMMON_TABLE_ROUTING : option;
    }

    /** {@code database#user} from a pgjdbc URL and its properties (no round trip). */
    static String databaseAndUser(String realUrl, Properties props) {
        String rest = realUrl.substring(realUrl.indexOf("//") + 2);
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        int slash = path.indexOf('/');
        String database = slash < 0 ? "" : path.substring(slash + 1);
        String user = props.getProperty("user", "");
        if (q >= 0) {
            for (String p : rest.substring(q + 1).split("&")) {
                if (p.startsWith("user=")) {
                    user = URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8);
                }
            }
        }
        return database + "#" + user;
    }
}
