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
