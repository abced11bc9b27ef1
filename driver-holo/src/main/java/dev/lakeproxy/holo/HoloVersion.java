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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hologres version, parsed from {@code hg_version()}: {@code Hologres 3.2.5 (tag: ...),
 * compatible with ...}.
 */
final class HoloVersion implements Comparable<HoloVersion> {

    static final HoloVersion V1_1 = new HoloVersion(1, 1, 0);
    static final HoloVersion V1_3_31 = new HoloVersion(1, 3, 31);
    static final HoloVersion V3_2 = new HoloVersion(3, 2, 0);

    private static final Pattern NUMBER =
            Pattern.compile("Hologres\\s+(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** major, minor and patch packed into one number that orders versions: 3.2.5 is 3_002_005. */
    private final long ordinal;

    HoloVersion(int major, int minor, int patch) {
        this.ordinal = major * 1_000_000L + minor * 1_000L + patch;
    }

    /** The version in an {@code hg_version()} answer, or {@code null} when it names none. */
    static HoloVersion parse(String hgVersion) {
        if (hgVersion == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(hgVersion);
        if (!m.find()) {
            return null;
        }
        return new HoloVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    boolean atLeast(HoloVersion other) {
        return compareTo(other) >= 0;
    }

    /** V3.2 and later read encrypted data through Common Table. */
    boolean hasCommonTable() {
        return atLeast(V3_2);
    }

    /** V1.1 to V3.1: the legacy path (SQE for encrypted data). */
    boolean legacyRange() {
        return atLeast(V1_1) && !hasCommonTable();
    }

    @Override
    public int compareTo(HoloVersion o) {
        return Long.compare(ordinal, o.ordinal);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HoloVersion && ((HoloVersion) o).ordinal == ordinal;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ordinal);
    }

    /** {@code V3.2.5}, as error messages name versions. */
    @Override
    public String toString() {
        return "V" + ordinal / 1_000_000 + "." + ordinal / 1_000 % 1_000 + "." + ordinal % 1_000;
    }
}
