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

import java.util.Objects;

/**
 * The version a simulated Hologres instance reports, {@code major.minor.patch}, e.g. {@code 3.2.5}.
 * Missing parts count as 0. Not the plugin's {@code dev.lakeproxy.holo.HoloVersion}: both sit on
 * one class path in the distribution and the benchmarks, so the simulator's has its own name.
 */
public final class SimulatedVersion implements Comparable<SimulatedVersion> {
    public static final SimulatedVersion V1_1 = new SimulatedVersion(1, 1, 0);
    public static final SimulatedVersion V1_3_31 = new SimulatedVersion(1, 3, 31);
    public static final SimulatedVersion V2_0 = new SimulatedVersion(2, 0, 0);
    public static final SimulatedVersion V3_2 = new SimulatedVersion(3, 2, 0);

    private final int major;
    private final int minor;
    private final int patch;

    public SimulatedVersion(int major, int minor, int patch) {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version part");
        }
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    /**
     * Parses {@code X}, {@code X.Y} or {@code X.Y.Z}, with an optional leading {@code V}/{@code v}.
     */
    public static SimulatedVersion parse(String text) {
        String s = Objects.requireNonNull(text, "version").trim();
        if (s.startsWith("V") || s.startsWith("v")) {
            s = s.substring(1);
        }
        String[] parts = s.split("\\.");
        if (parts.length < 1 || parts.length > 3) {
            throw new IllegalArgumentException("Not a Hologres version (X.Y.Z): " + text);
        }
        int[] v = new int[3];
        try {
            for (int i = 0; i < parts.length; i++) {
                v[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a Hologres version (X.Y.Z): " + text, e);
        }
        return new SimulatedVersion(v[0], v[1], v[2]);
    }

    public int major() { return major; }
    public int minor() { return minor; }
    public int patch() { return patch; }

    public boolean atLeast(SimulatedVersion other) {
        return compareTo(other) >= 0;
    }

    /** Whether this version has {@code hg_experimental_external_catalog_routing} (V3.2+). */
    public boolean hasCatalogRouting() {
        return atLeast(V3_2);
    }

    @Override
    public int compareTo(SimulatedVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimulatedVersion && compareTo((SimulatedVersion) o) == 0;
    }

    @Override
    public int hashCode() {
        return (major * 1000 + minor) * 1000 + patch;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
