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
package dev.lakeproxy.odpsemu.rest;

import com.sun.net.httpserver.HttpExchange;
import dev.lakeproxy.odpsemu.ServiceFaults;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Carries out the fault a request got ({@link ServiceFaults}) at its moment of the exchange: before
 * the request is handled, after it, or while its answer is sent.
 */
final class InjectedFaults {

    /**
     * Ends an exchange without an answer: the HTTP server closes the connection, the client reads
     * EOF.
     */
    static final class Dropped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Dropped(ServiceFaults.Armed fault) {
            super("ServiceFaults: " + fault.fault + " on " + fault.kind, null, false, false);
        }
    }

    private InjectedFaults() {}

    /** Before the request is handled: drop it, or answer an error status instead. */
    static void before(ServiceFaults.Armed f) {
        if (f == null) {
            return;
        }
        switch (f.fault) {
            case DROP_BEFORE:
                throw new Dropped(f);
            case STATUS:
                throw new HttpError(
                        (int) f.parameter,
                        f.parameter >= 500 ? "InternalServerError" : "InvalidArgument",
                        "ODPS-0010000:System internal error - injected by ServiceFaults");
            default:
                break;
        }
    }

    /**
     * After the request was handled (a submitted job exists and has run): leave it unanswered, or
     * answer late.
     */
    static void after(ServiceFaults.Armed f) {
        if (f == null) {
            return;
        }
        if (f.fault == ServiceFaults.Fault.DROP_AFTER) {
            throw new Dropped(f);
        }
        if (f.fault == ServiceFaults.Fault.DELAY) {
            try {
                Thread.sleep(f.parameter);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static boolean cuts(ServiceFaults.Armed f) {
        return f != null && f.fault == ServiceFaults.Fault.CUT_BODY;
    }

    /** The headers promise the whole body; a part of it is sent and the connection closes. */
    static void sendCut(HttpExchange ex, int status, byte[] body, ServiceFaults.Armed f)
            throws IOException {
        ex.sendResponseHeaders(status, body.length);
        OutputStream os = ex.getResponseBody();
        os.write(body, 0, (int) Math.min(f.parameter, body.length));
        os.flush();
        throw new Dropped(f);
    }
}
