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
package dev.lakeproxy.spi;

import java.util.Properties;

/** The connection about to be opened, as a plugin's {@link LakePlugin#beforeConnect} sees it. */
public interface ConnectRequest {

    /** {@code postgresql}, {@code odps}, ... */
    String subprotocol();

    /** The real driver's URL, without any {@code lakeproxy.*} option. */
    String realUrl();

    /**
     * The real driver's URL and properties as that driver reads them (database, user, parameters).
     */
    RealUrl parsedUrl();

    /** Replaces the real driver's URL. */
    void setRealUrl(String url);

    /** The properties the real driver will receive (a copy the plugin may change). */
    Properties realProperties();

    /**
     * Identifies the server (instance) for per-server caches: scheme, hosts and ports, or endpoint
     * and project.
     */
    String serverKey();

    <T> T option(LakeOption<T> option);

    /** Records what the plugin did, for the FINE log and {@code explain}. Never pass secrets. */
    void note(String action);
}
