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

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the KMS client's HTTP wire log quiet: Apache HttpClient, under aliyun-java-sdk-core, logs
 * every byte of a request and its answer at FINE on {@code org.apache.http.wire} (and the headers
 * on {@code org.apache.http.headers}), and a GetSecretValue answer is a secret. The shaded jars
 * name these loggers {@code dev.lakeproxy.shaded.http.*}. Through java.util.logging they are held
 * at INFO, whatever the parent loggers' level; another logging backend must do the same
 * (docs/credentials.md).
 */
final class WireLogs {

    /** Strong references: java.util.logging holds its loggers weakly and would forget the level. */
    private static final List<Logger> QUIET =
            List.of(
                    quiet("org.apache.http.wire"),
                    quiet("org.apache.http.headers"),
                    quiet("dev.lakeproxy.shaded.http.wire"),
                    quiet("dev.lakeproxy.shaded.http.headers"));

    private WireLogs() {}

    /**
     * Called before the first KMS client is made: the call loads this class, whose initializer
     * sets the loggers once.
     */
    static void quiet() {
        // nothing more: the work is in QUIET's initializer
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.INFO);
        return logger;
    }
}
