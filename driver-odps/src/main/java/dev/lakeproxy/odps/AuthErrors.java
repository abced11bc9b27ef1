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

import java.sql.SQLException;

/**
 * MaxCompute's documented authentication errors (API error codes, ODPS-04CCCCX): ODPS-0410051
 * Invalid credentials, ODPS-0410042 Invalid signature value, ODPS-0410031 Authentication request
 * expired. An expired STS token has no code of its own in the documentation and is reported as
 * invalid credentials.
 */
final class AuthErrors {

    private AuthErrors() {}

    static boolean refused(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null
                    && (m.contains("ODPS-0410051")
                            || m.contains("ODPS-0410042")
                            || m.contains("ODPS-0410031"))) {
                return true;
            }
        }
        return false;
    }
}
