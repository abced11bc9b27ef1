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
package dev.lakeproxy.holo;

import dev.lakeproxy.credentials.CredentialChecks;
import dev.lakeproxy.credentials.SecretLogin;
import dev.lakeproxy.spi.Check;
import dev.lakeproxy.spi.ConnectRequest;
import dev.lakeproxy.spi.DiagnosisContext;
import dev.lakeproxy.spi.LakeOption;
import dev.lakeproxy.spi.LakePlugin;
import dev.lakeproxy.spi.PluginContext;
import dev.lakeproxy.spi.RealUrl;
import dev.lakeproxy.spi.SessionPlugin;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Hologres plugin. Each new physical connection learns the instance's version and the settings
 * its session starts with in one query, which also makes Common Table routing effective from V3.2
 * (the default {@code session} mechanism); the rules of {@link HoloSession} do the rest. The {@code
 * startup} mechanism puts the routing in pgjdbc's startup options instead, from facts cached per
 * instance, and takes it out again when the server refuses it.
 */
public final class HologresPlugin implements LakePlugin {

    private static final Logger LOG = Logger.getLogger(HologresPlugin.class.getName());
    static final String ROUTING_SETTING = SessionStart.ROUTING;
    /** pgjdbc reports a refused password as 28P01 (invalid_password), a refused role as 28000. */
    private static final SecretLogin SECRETS = new SecretLogin(
            e -> "28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState()), p -> p);

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
        HoloLogin.apply(
                request); // first: it gives way to a secret: or kms: password, still unread here
        SECRETS.apply(request);
        KmsPassword.decrypt(request);
        if (!startupMechanism(request.option(HoloOptions.ROUTING_MECHANISM))) {
            return;
        }
        HoloInstance instance = HoloInstance.of(request.serverKey());
        String options = StartupOptions.effective(request.realUrl(), request.realProperties());
        String key = databaseAndUser(request.parsedUrl());
        SessionFacts cached = instance.facts(factsKey(key, options));
        if (cached == null
                || cached.appliedRouting == null
                || StartupOptions.sets(options, ROUTING_SETTING)) {
            return;
        }
        String add = StartupOptions.addition(ROUTING_SETTING, cached.appliedRouting);
        StartupOptions.add(request, add);
        request.note(HoloMessages.M.format("holo.note.startupOption", add, cached.version));
    }

    @Override
    public boolean connectFailed(ConnectRequest request, SQLException error) {
        HoloInstance.of(request.serverKey())
                .forgetFacts(); // the instance may have been rolled back or replaced
        if (SECRETS.retry(request, error)) {
            return true; // a rotated secret: one more attempt with its new value
        }
        if (!startupMechanism(request.option(HoloOptions.ROUTING_MECHANISM))) {
            return false; // the session mechanism adds nothing at startup
        }
        String routing = routingValue(request.option(HoloOptions.ROUTING));
        boolean removed = routing != null && StartupOptions.remove(request,
                StartupOptions.addition(ROUTING_SETTING, routing));
        if (removed) {
            request.note(HoloMessages.M.format("holo.note.startupRefused", error.getSQLState()));
        }
        return removed;
    }

    @Override
    public SessionPlugin activate(PluginContext ctx) throws SQLException {
        HoloInstance instance = HoloInstance.of(ctx.serverKey());
        RealUrl url = ctx.parsedUrl();
        String key = databaseAndUser(url);
        boolean startup = startupMechanism(ctx.option(HoloOptions.ROUTING_MECHANISM));
        int timeout = ctx.option(HoloOptions.TIMEOUT);
        String options = StartupOptions.effective(ctx.realUrl(), ctx.realProperties());
        String option = ctx.option(HoloOptions.ROUTING);
        String routing = routingValue(option);
        String added = routing == null ? null : StartupOptions.addition(ROUTING_SETTING, routing);
        boolean routingAtStartup = startup && added != null && options.contains(added);
        String userOptions = routingAtStartup ? options.replace(added, "") : options;
        SessionFacts cached = startup ? instance.facts(factsKey(key, userOptions)) : null;
        SessionFacts facts = cached;
        if (instance.notHologres) {
            return null; // plain PostgreSQL answered before: pure pass-through, no round trip
        }
        if (facts == null) {
            String apply = StartupOptions.sets(userOptions, ROUTING_SETTING) ? null : routing;
            // planning the catalog query costs a cold backend milliseconds
            HoloVersion hint = instance.lastVersion;
            boolean catalogNeeded =
                    instance.resolver(url.database()).stale()
                            && (hint == null || hint.legacyRange());
            try {
                facts = SessionStart.read(ctx.realConnection(), apply, option.equals("auto"),
                        catalogNeeded, timeout);
            } catch (SQLException e) {
                return detectionFailed(ctx, e, timeout);
            }
            ctx.counter("holo.detections").increment();
            if (facts == null) {
                instance.notHologres = true;
                LOG.log(
                        Level.FINE,
                        "no hg_version(): plain PostgreSQL, the Hologres plugin stays off");
                return null;
            }
            remember(
                    ctx,
                    instance,
                    factsKey(key, userOptions),
                    instance.resolver(url.database()),
                    facts);
        }
        if (facts.routingNote != null && facts.version.hasCommonTable()) {
            ctx.note(HoloMessages.M.format("holo.note.routingLeftAlone", facts.routingNote));
        }
        ProjectsReadResolver resolver = instance.resolver(url.database());
        SessionState state = new SessionState(facts, instance, resolver, ctx.realConnection(),
                userOptions, routingAtStartup, timeout);
        if (facts.legacy()
                && resolver.catalog()
                        == null) { // the hint said V3.2+: the instance was rolled back
            try {
                state.refreshCatalog();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "could not read the relation catalog ({0})", e.getSQLState());
            }
        }
        return new HoloSession(ctx, state);
    }

    /**
     * lakeproxy's own session query failed. A connection that survived it stays the user's: the
     * plugin is off for it, and a warning on the connection says so. A connection that broke
     * (dropped, or silent past the timeout) cannot be used by anyone: the connect fails with the
     * real driver's error, as raw pgjdbc's first statement would have failed on it; a time limit of
     * lakeproxy's is named in the message.
     */
    private static SessionPlugin detectionFailed(PluginContext ctx, SQLException e, int timeout)
            throws SQLException {
        if (ctx.realConnection().isClosed()) {
            throw timedOut(e) ? HoloMessages.M.translate(e, "holo.detectionTimedOut", timeout) : e;
        }
        LOG.log(Level.FINE, "lakeproxy's session query failed ({0}): the plugin stays off for this "
                + "connection", e.getSQLState());
        ctx.warn(HoloMessages.M.format("holo.warn.detectionFailed", e.getSQLState(),
                e.getMessage()));
        return null;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Version, routing and SQE settings at every level, a probe of each foreign table, KMS keys,
     * the RAM role.
     */
    @Override
    public List<Check> diagnose(DiagnosisContext context) {
        List<Check> checks = new ArrayList<>();
        checks.add(CredentialChecks.check(context));
        checks.addAll(new HoloDiagnosis(context).run());
        return checks;
    }

    private static void remember(
            PluginContext ctx,
            HoloInstance instance,
            String key,
            ProjectsReadResolver resolver,
            SessionFacts facts) {
        instance.facts(key, facts);
        instance.lastVersion = facts.version;
        if (facts.catalogListing != null) {
            resolver.offer(RelationCatalog.parse(facts.catalogListing));
        }
        LOG.log(
                Level.FINE,
                "detected Hologres {0}; routing: {1}; engine at start: {2}",
                new Object[] {
                    facts.version,
                    facts.appliedRouting != null ? facts.appliedRouting : facts.routingNote,
                    facts.engineAtStart
                });
        ctx.note(HoloMessages.M.format("holo.note.detected", facts.version));
        if (facts.appliedRouting != null) {
            ctx.note(
                    HoloMessages.M.format(
                            "holo.note.routingApplied", ROUTING_SETTING, facts.appliedRouting));
            ctx.settingSent();
        }
    }

    /**
     * Cached facts are per database, user and the user's own startup options (a search_path, say).
     */
    private static String factsKey(String databaseAndUser, String userOptions) {
        return databaseAndUser + "\n" + userOptions.trim().replaceAll("\\s+", " ");
    }

    private static boolean startupMechanism(String mechanism) {
        return "startup".equals(mechanism);
    }

    /** The routing value to apply for an option value, or {@code null} for {@code off}. */
    static String routingValue(String option) {
        if (option.equals("off")) {
            return null;
        }
        return option.equals("auto") ? HoloOptions.COMMON_TABLE_ROUTING : option;
    }

    /**
     * Session facts are per database and user (pgjdbc's reading of its URL: the database defaults
     * to the user).
     */
    private static String databaseAndUser(RealUrl url) {
        return url.database() + "#" + url.user();
    }
}
