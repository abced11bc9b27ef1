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
package dev.lakeproxy.holosim;

import java.nio.charset.StandardCharsets;

/**
 * The two Hologres settings. PostgreSQL accepts custom (placeholder) settings only when their name
 * has a dot, so the proxy swaps {@code hg_experimental_...} (client side) with {@code
 * hg.experimental_...} (server side). Both spellings have the same length, so message lengths never
 * change.
 */
final class Settings {
    static final String ROUTING = "hg_experimental_external_catalog_routing";
    static final String ORC_VIA_HOLO = "hg_experimental_enable_access_odps_orc_via_holo";

    /** PostgreSQL's message for an invalid value of a bool setting (SQLSTATE 22023). */
    static final String REQUIRES_BOOLEAN =
            "parameter \"" + ORC_VIA_HOLO + "\" requires a Boolean value";

    private Settings() {
    }

    static String serverName(String clientName) {
        return "hg." + clientName.substring(3);
    }

    /** The client-side names the given version has. */
    static String[] namesFor(SimulatedVersion version) {
        return version.hasCatalogRouting()
                ? new String[] {ROUTING, ORC_VIA_HOLO}
                : new String[] {ORC_VIA_HOLO};
    }

    /**
     * Client to server: {@code hg_experimental_...} (any case) becomes {@code hg.experimental_...}.
     */
    static String toServer(String sql, String[] names) {
        if (sql.length() < 40 || !containsIgnoreCase(sql, "hg_experimental_")) {
            return sql;
        }
        char[] chars = null;
        for (String name : names) {
            int from = 0;
            while (true) {
                int i = indexOfIgnoreCase(sql, name, from);
                if (i < 0) {
                    break;
                }
                if (chars == null) {
                    chars = sql.toCharArray();
                }
                chars[i + 2] = '.';
                from = i + name.length();
            }
        }
        return chars == null ? sql : new String(chars);
    }

    /**
     * In-place byte-level swap of {@code from} to {@code to} (same length); {@code ignoreCase} for
     * ASCII.
     */
    static boolean swapBytes(
            byte[] data, int offset, String[] names, char fromSep, char toSep, boolean ignoreCase) {
        boolean changed = false;
        for (String name : names) {
            byte[] pattern = name.getBytes(StandardCharsets.US_ASCII);
            pattern[2] = (byte) fromSep;
            int last = data.length - pattern.length;
            outer:
            for (int i = offset; i <= last; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    byte b = data[i + j];
                    if (ignoreCase && b >= 'A' && b <= 'Z') {
                        b = (byte) (b + 32);
                    }
                    if (b != pattern[j]) {
                        continue outer;
                    }
                }
                data[i + 2] = (byte) toSep;
                changed = true;
                i += pattern.length - 1;
            }
        }
        return changed;
    }

    static boolean containsIgnoreCase(String s, String needle) {
        return indexOfIgnoreCase(s, needle, 0) >= 0;
    }

    static int indexOfIgnoreCase(String s, String needle, int from) {
        int n = needle.length();
        for (int i = Math.max(0, from); i <= s.length() - n; i++) {
            if (s.regionMatches(true, i, needle, 0, n)) {
                return i;
            }
        }
        return -1;
    }

    /** PostgreSQL's parse_bool: true/false/yes/no/on/off/1/0 and unique prefixes, any case. */
    static boolean isValidBool(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.isEmpty()) {
            return false;
        }
        switch (v.charAt(0)) {
            case 't':
                return "true".startsWith(v);
            case 'f':
                return "false".startsWith(v);
            case 'y':
                return "yes".startsWith(v);
            case 'n':
                return "no".startsWith(v);
            case 'o':
                return v.length() >= 2 && ("on".equals(v) || "off".startsWith(v));
            case '1':
            case '0':
                return v.length() == 1;
            default:
                return false;
        }
    }
}
