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
package dev.lakeproxy.credentials;

import dev.lakeproxy.spi.LakeOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of credentials without secrets in URLs. Both plugins list these same objects (the
 * option registry keys options by name), so the MaxCompute jar and the Hologres jar each know them
 * on their own.
 */
public final class CredentialsOptions {

    private CredentialsOptions() {}

    public static final String URL = "url";

    public static final LakeOption<String> MODE =
            LakeOption.choiceOrPrefixed(
                    "lakeproxy.credentials",
                    URL,
                    "Where the AccessKey pair (and the security token of temporary credentials) for"
                        + " MaxCompute, Hologres and lakeproxy's own KMS calls comes from. url: the"
                        + " URL and properties, as the real driver takes them (nothing changes)."
                        + " default: the Alibaba Cloud default credential chain of credentials-java"
                        + " (system properties, environment variables, OIDC role (RRSA), the CLI's"
                        + " profile, the ECS instance RAM role). env: the ALIBABA_CLOUD_*"
                        + " environment variables only. profile:<name>: that profile of the Alibaba"
                        + " Cloud CLI's ~/.aliyun/config.json. See docs/credentials.md.",
                    "profile:",
                    "<name>",
                    URL,
                    "default",
                    "env");

    public static final LakeOption<Integer> TIMEOUT =
            LakeOption.timeoutMillis(
                    "lakeproxy.credentials.timeoutMillis",
                    15_000,
                    "How long a connect waits for lakeproxy.credentials to supply a credential (an"
                        + " STS call, the ECS metadata service) before it fails with an error that"
                        + " names the provider.");

    public static final LakeOption<Integer> SECRET_CACHE =
            LakeOption.integer(
                    "lakeproxy.secrets.cacheSeconds",
                    3_600,
                    0,
                    86_400,
                    "How long a password=secret:<name> value read from KMS Secrets Manager is kept"
                        + " in memory for new connections; a login refused with it reads it again"
                        + " at once (rotation). 0 reads it for every connection.");

    /** Every option of this module: credentials, secrets and the KMS client's. */
    public static List<LakeOption<?>> all() {
        List<LakeOption<?>> all = new ArrayList<>(List.of(MODE, TIMEOUT, SECRET_CACHE));
        all.addAll(KmsOptions.all());
        return List.copyOf(all);
    }
}
