package dev.lakeproxy.holo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What lakeproxy knows about one Hologres instance (one server key) and each of its databases, shared by all
 * connections to it, so that a pool of connections detects once and learns once.
 */
final class HoloInstance {

    /** Bounded, thread-safe and keyed per server: the only JVM-wide state of the plugin. */
    private static final Cache<String, HoloInstance> INSTANCES = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterAccess(Duration.ofHours(1)).build();
    /** A database or role setting may change; what was read at detection is trusted this long. */
    static final Duration DEFAULTS_TTL = Duration.ofMinutes(10);
    static final Duration CATALOG_TTL = Duration.ofSeconds(60);

    /** {@code null} until detected; {@link #NOT_HOLOGRES} for plain PostgreSQL. */
    volatile HoloVersion version;
    /** MaxCompute projects known to hold KMS-encrypted data (learned from errors), lower case. */
    final Set<String> learnedEncrypted = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Database> databases = new ConcurrentHashMap<>();

    static final HoloVersion NOT_HOLOGRES = new HoloVersion(-1, 0, 0);

    static HoloInstance of(String serverKey) {
        return INSTANCES.get(serverKey, k -> new HoloInstance());
    }

    /** Forgets every instance (tests). */
    static void forgetAll() {
        INSTANCES.invalidateAll();
    }

    Database database(String databaseAndUser) {
        return databases.computeIfAbsent(databaseAndUser, k -> new Database());
    }

    /** Per database and user: the session defaults read at detection, and the foreign-table catalog. */
    static final class Database {
        /** What a new session starts with, as read at detection; {@code null} when unknown or stale. */
        volatile SessionDefaults defaults;
        volatile long defaultsAt;
        volatile ForeignCatalog catalog;
        volatile long catalogAt;

        SessionDefaults freshDefaults() {
            SessionDefaults d = defaults;
            return d != null && System.nanoTime() - defaultsAt < DEFAULTS_TTL.toNanos() ? d : null;
        }

        void defaults(SessionDefaults d) {
            defaults = d;
            defaultsAt = System.nanoTime();
        }

        ForeignCatalog freshCatalog() {
            ForeignCatalog c = catalog;
            return c != null && System.nanoTime() - catalogAt < CATALOG_TTL.toNanos() ? c : null;
        }

        void catalog(ForeignCatalog c) {
            catalog = c;
            catalogAt = System.nanoTime();
        }

        void invalidateCatalog() {
            catalogAt = Long.MIN_VALUE / 2;
        }
    }

    /** How new sessions of a database and user start. */
    static final class SessionDefaults {
        /** The routing value lakeproxy puts in the startup options, or {@code null} to leave routing alone. */
        final String injectedRouting;
        /** Why routing is left alone ({@code null} when injected). */
        final String routingNote;
        /** The engine the legacy setting selects when a session starts. */
        final EngineMode baseMode;

        SessionDefaults(String injectedRouting, String routingNote, EngineMode baseMode) {
            this.injectedRouting = injectedRouting;
            this.routingNote = routingNote;
            this.baseMode = baseMode;
        }
    }
}
