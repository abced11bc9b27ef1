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
package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Project;

/** The privilege checks of an object: public projects' and Paimon_DLF's. */
public final class Privileges {

    private final Catalog catalog;

    Privileges(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Refuses the job's user a privilege ({@code SELECT}, {@code UPDATE}, {@code CREATE_TABLE},
     * ...) on an object ({@code "TABLE s.t"}, {@code "DATABASE s"}, ...) of a project's schema.
     */
    public void check(
            JobContext ctx, String project, String schema, String privilege, String object) {
        Project p = catalog.project(project);
        PublicProjects.refuseWrite(p, privilege, object);
        if (p == null || !p.isPaimonDlf()) {
            return;
        }
        if (!ctx.user.hasDlfDataPermission()) {
            throw new OdpsSqlException(
                    "ODPS-0130013",
                    "Authorization exception - Forbidden: User "
                            + ctx.user.principal()
                            + " doesn't have privilege "
                            + privilege
                            + " on "
                            + object);
        }
    }
}
