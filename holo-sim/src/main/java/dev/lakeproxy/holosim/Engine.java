package dev.lakeproxy.holosim;

/** The Hologres engine that served (or tried to serve) a read of a MaxCompute foreign table. */
public enum Engine {
    /**
     * Hologres Query Engine: the legacy default ({@code
     * hg_experimental_enable_access_odps_orc_via_holo = true}).
     */
    HQE,
    /** Seahawks Query Engine ({@code hg_experimental_enable_access_odps_orc_via_holo = false}). */
    SQE,
    /**
     * Common Table ({@code hg_experimental_external_catalog_routing} contains {@code
     * odps:common_table}, V3.2+).
     */
    COMMON_TABLE
}
