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
