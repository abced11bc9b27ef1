package dev.lakeproxy.holosim;

/** How the data of a simulated MaxCompute project is encrypted. */
public enum Encryption {
    /** Not encrypted: always readable. */
    NONE,
    /** Encrypted with a customer master key (CMK) from KMS ("bring your own key"). */
    BYOK,
    /**
     * Encrypted with the default key (e.g. DataWorks' default key): readable only through Common
     * Table on V3.2+.
     */
    DEFAULT_KEY
}
