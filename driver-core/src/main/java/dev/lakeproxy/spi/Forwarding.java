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
package dev.lakeproxy.spi;

import dev.lakeproxy.codegen.GenerateForwarding;
import java.sql.DatabaseMetaData;

/**
 * Asks the build for {@link DatabaseMetaDataForwarding}, which plugins implement to change a few
 * metadata calls.
 */
@GenerateForwarding(DatabaseMetaData.class)
final class Forwarding {
    private Forwarding() {
    }
}
