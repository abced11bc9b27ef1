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
