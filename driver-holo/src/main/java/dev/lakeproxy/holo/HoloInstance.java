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

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What lakeproxy knows about one Hologres instance (one server key), shared by the connections to
 * it: the session facts the startup mechanism reuses, the MaxCompute projects learned to be
 * encrypted, and one name resolver per database. Instance facts are dropped on a connection
 * failure, an unrecognized-parameter error and any error that contradicts them (instances are
 * upgraded and rolled back in place).
 */
final class HoloInstance {

    /** Bounded, thread-safe and keyed per server: the only JVM-wide state of the plugin. */
    private static final Cache<String, HoloInstance> INSTANCES = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterAccess(Duration.ofHours(1)).build();

    /**
     * How long the startup mechanism trusts cached facts (a DBA change counts from then at the
     * latest).
     */
    static final Duration FACTS_TTL = Duration.ofMinutes(1);

    /** MaxCompute projects known to hold KMS-encrypted data (learned from errors), lower case. */
    final Set<String> learnedEncrypted = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Cached> facts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ProjectsReadResolver> resolvers =
            new ConcurrentHashMap<>();

    /**
     * The version the last session query saw: only a hint (whether to fold the catalog into that
     * query).
     */
    volatile HoloVersion lastVersion;

    /** Plain PostgreSQL answered (no hg_version()): the startup mechanism adds nothing. */
    volatile boolean notHologres;

    static HoloInstance of(String serverKey) {
        return INSTANCES.get(serverKey, k -> new HoloInstance());
    }

    /** Forgets every instance (tests). */
    static void forgetAll() {
        INSTANCES.invalidateAll();
    }

    /**
     * Drops the facts about the instance (its version, what sessions start with); learned projects
     * stay.
     */
    void forgetFacts() {
        facts.clear();
        notHologres = false;
    }

    /** The facts cached for a database and user, if younger than the TTL. */
    SessionFacts facts(String databaseAndUser) {
        Cached c = facts.get(databaseAndUser);
        return c != null && System.nanoTime() - c.at < FACTS_TTL.toNanos() ? c.facts : null;
    }

    void facts(String databaseAndUser, SessionFacts f) {
        facts.put(databaseAndUser, new Cached(f.cached(), System.nanoTime()));
    }

    ProjectsReadResolver resolver(String database) {
        return resolvers.computeIfAbsent(database, k -> new ProjectsReadResolver());
    }

    private static final class Cached {
        final SessionFacts facts;
        final long at;

        Cached(SessionFacts facts, long at) {
            this.facts = facts;
            this.at = at;
        }
    }
}
