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

import dev.lakeproxy.credentials.CredentialsOptions;
import dev.lakeproxy.holo.kms.KmsOptions;
import dev.lakeproxy.spi.LakeOption;
import java.util.ArrayList;
import java.util.List;

/** The Hologres plugin's options. */
public final class HoloOptions {

    private HoloOptions() {
    }

    public static final String COMMON_TABLE_ROUTING = "odps:common_table,dlf:hqe";

    public static final LakeOption<String> ROUTING =
            LakeOption.choiceOrValue(
                    "lakeproxy.holo.routing",
                    "auto",
                    "V3.2+: make Common Table routing (hg_experimental_external_catalog_routing = '"
                            + COMMON_TABLE_ROUTING
                            + "') effective in every session. auto: unless the session's startup"
                            + " options, the database or a role already set the routing (even to"
                            + " ''); off: never; a value: that value unless the startup options set"
                            + " one.",
                    "<routing value>",
                    "auto",
                    "off");

    public static final LakeOption<String> ROUTING_MECHANISM =
            LakeOption.choice(
                    "lakeproxy.holo.routingMechanism",
                    "session",
                    "How the routing reaches a session. session (default): one query per new"
                        + " physical connection reads the version and the settings in effect and"
                        + " applies the routing with set_config, so upgrades, rollbacks and DBA"
                        + " changes count from the next connection; it uses only documented"
                        + " session-level settings. startup: the pgjdbc startup parameter options"
                        + " (-c ...), merged with the user's own, from facts cached per instance"
                        + " (no round trip after the first connection); Alibaba does not document"
                        + " startup options for Hologres, so a refused one is taken out and the"
                        + " connection made again without it.",
                    "session",
                    "startup");

    public static final LakeOption<List<String>> ENCRYPTED_PROJECTS =
            LakeOption.list(
                    "lakeproxy.holo.encryptedProjects",
                    "V1.1 to V3.1: MaxCompute projects whose data is KMS-encrypted; statements"
                        + " reading their foreign tables (directly or through views) run on SQE,"
                        + " all others on the session's engine. Projects are also learned from the"
                        + " pangu error.");

    public static final LakeOption<Boolean> RECOVER =
            LakeOption.bool(
                    "lakeproxy.holo.recover",
                    true,
                    "On the pangu error (wrong engine for encrypted data), apply the right setting"
                        + " and retry once when every statement of the string is a read and"
                        + " autocommit is on; otherwise explain the error.");

    public static final LakeOption<Integer> TIMEOUT = LakeOption.timeoutMillis(
            "lakeproxy.holo.timeoutMillis", 10_000,
            "How long each statement lakeproxy itself sends to Hologres may wait for the server: "
            + "the session query of a new connection (detection), the catalog and search_path "
            + "reads, and the SET and RESET of the engine switch. It tightens pgjdbc's "
            + "socketTimeout for them, never loosens it. When it passes, pgjdbc closes the "
            + "connection (08006): a connect fails, a statement fails, and no setting of "
            + "lakeproxy's outlives the session.");

    public static List<LakeOption<?>> all() {
        List<LakeOption<?>> all = new ArrayList<>(
                List.of(ROUTING, ROUTING_MECHANISM, ENCRYPTED_PROJECTS, RECOVER, TIMEOUT));
        all.addAll(CredentialsOptions.all());
        all.add(KmsOptions.KEYS);
        return List.copyOf(all);
    }
}
