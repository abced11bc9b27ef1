package dev.lakeproxy.holo;

/**
 * Which engine reads MaxCompute foreign tables in the legacy path, as the session setting selects
 * it.
 */
enum EngineMode {
    /**
     * {@code hg_experimental_enable_access_odps_orc_via_holo = true}: fast, cannot read encrypted
     * data.
     */
    HQE("true"),
    /**
     * {@code hg_experimental_enable_access_odps_orc_via_holo = false}: slower, reads KMS-encrypted
     * data.
     */
    SQE("false"),
    /**
     * Not known (after a rollback to a savepoint, a RESET, the user's own SET): the next need sets
     * it again.
     */
    UNKNOWN(null);

    static final String SETTING = "hg_experimental_enable_access_odps_orc_via_holo";

    private final String value;

    EngineMode(String value) {
        this.value = value;
    }

    String setStatement() {
        return "SET " + SETTING + " = " + value;
    }

    /** The mode a setting's value selects ({@code false}/{@code off}/... means SQE). */
    static EngineMode ofSetting(String value) {
        if (value == null) {
            return HQE;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        return v.equals("false")
                        || v.equals("off")
                        || v.equals("0")
                        || v.equals("no")
                        || v.equals("f")
                ? SQE
                : HQE;
    }
}
