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
package dev.lakeproxy.odpsemu.rest;

import dev.lakeproxy.odpsemu.Catalog.Project;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /projects/p/registration/functions}: the project's registered (user-defined)
 * functions, as odps-sdk-core's {@code Functions} lists them. The emulator has no {@code CREATE
 * FUNCTION}, so the list is empty; in a three-tier project the {@code curr_schema} parameter must
 * name an existing schema (odps-sdk-core 0.43.3 {@code Schemas.exists} lists functions to decide).
 */
final class FunctionResources {

    Reply route(Project p, List<String> seg, Map<String, String> q) {
        if (seg.size() < 4 || !seg.get(3).equals("functions")) {
            throw HttpError.unknownResource(seg);
        }
        String schema = q.get("curr_schema");
        if (p.threeTier
                && schema != null
                && !schema.isEmpty()
                && !p.schemas.containsKey(schema.toLowerCase(Locale.ROOT))) {
            throw HttpError.notFound(
                    "ODPS-0110061: Schema not found - '" + p.name + "." + schema + "'");
        }
        if (seg.size() == 5) {
            throw HttpError.notFound("ODPS-0130131:Function not found - '" + seg.get(4) + "'");
        }
        if (seg.size() != 4) {
            throw HttpError.unknownResource(seg);
        }
        String max = q.getOrDefault("maxitems", "100");
        return Reply.xml(
                "<Functions><Marker></Marker><MaxItems>"
                        + RestText.esc(max)
                        + "</MaxItems></Functions>");
    }
}
