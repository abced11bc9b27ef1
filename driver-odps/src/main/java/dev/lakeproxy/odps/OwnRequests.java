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
package dev.lakeproxy.odps;

import com.aliyun.odps.Odps;
import com.aliyun.odps.rest.RestClient;

/**
 * The requests lakeproxy sends to MaxCompute on its own (a project's schema model at connect, table
 * metadata) go through a copy of the connection's client whose waits are bounded by {@link
 * OdpsOptions#TIMEOUT} and which does not retry: odps-sdk would otherwise retry a GET 4 times,
 * waiting connect + read timeouts (130 s by default) between attempts. The copy is made per
 * request, so it has the connection's current credentials.
 */
final class OwnRequests {

    private OwnRequests() {}

    /**
     * A copy of {@code odps} whose requests wait at most {@code timeoutMillis} to connect and to
     * answer, once.
     */
    static Odps bounded(Odps odps, int timeoutMillis) {
        Odps own = odps.clone();
        RestClient rest = own.getRestClient();
        int seconds = Math.max(1, (timeoutMillis + 999) / 1000); // the SDK counts whole seconds
        rest.setConnectTimeout(seconds);
        rest.setReadTimeout(seconds);
        rest.setRetryTimes(0);
        return own;
    }
}
