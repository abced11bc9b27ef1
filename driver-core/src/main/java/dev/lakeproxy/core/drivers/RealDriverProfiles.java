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
package dev.lakeproxy.core.drivers;

import java.util.List;

/**
 * The profiles of the real drivers lakeproxy knows; any other subprotocol gets the generic profile.
 */
public final class RealDriverProfiles {

    private static final List<RealDriverProfile> KNOWN =
            List.of(new PgjdbcProfile(), new OdpsJdbcProfile());
    private static final RealDriverProfile GENERIC = subprotocol -> true;

    private RealDriverProfiles() {
    }

    public static RealDriverProfile of(String subprotocol) {
        for (RealDriverProfile p : KNOWN) {
            if (p.serves(subprotocol)) {
                return p;
            }
        }
        return GENERIC;
    }

    /**
     * Whether any known driver treats {@code name} as a secret (for text whose driver is not
     * known).
     */
    public static boolean isSecretForAnyDriver(String name) {
        for (RealDriverProfile p : KNOWN) {
            if (p.isSecretParameter(name)) {
                return true;
            }
        }
        return false;
    }
}
