package dev.lakeproxy.holo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Hologres version, parsed from {@code hg_version()}: {@code Hologres 3.2.5 (tag: ...), compatible with ...}. */
public final class HoloVersion implements Comparable<HoloVersion> {

    public static final HoloVersion V1_1 = new HoloVersion(1, 1, 0);
    public static final HoloVersion V1_3_31 = new HoloVersion(1, 3, 31);
    public static final HoloVersion V3_2 = new HoloVersion(3, 2, 0);

    private static final Pattern NUMBER = Pattern.compile("Hologres\\s+(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private final int major;
    private final int minor;
    private final int patch;

    public HoloVersion(int major, int minor, int patch) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    /** The version in an {@code hg_version()} answer, or {@code null} when it names none. */
    public static HoloVersion parse(String hgVersion) {
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

    public boolean atLeast(HoloVersion other) {
        return compareTo(other) >= 0;
    }

    /** V3.2 and later read encrypted data through Common Table. */
    public boolean hasCommonTable() {
        return atLeast(V3_2);
    }

    /** V1.1 to V3.1: the legacy path (SQE for encrypted data). */
    public boolean legacyRange() {
        return atLeast(V1_1) && !hasCommonTable();
    }

    @Override
    public int compareTo(HoloVersion o) {
        if (major != o.major) {
            return Integer.compare(major, o.major);
        }
        if (minor != o.minor) {
            return Integer.compare(minor, o.minor);
        }
        return Integer.compare(patch, o.patch);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HoloVersion && compareTo((HoloVersion) o) == 0;
    }

    @Override
    public int hashCode() {
        return (major * 1000 + minor) * 1000 + patch;
    }

    @Override
    public String toString() {
        return "V" + major + "." + minor + "." + patch;
    }
}
