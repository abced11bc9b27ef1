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
import dev.lakeproxy.odpsemu.rest.HttpError;
import java.util.Locale;

/**
 * Public projects such as MaxCompute's {@code MAXCOMPUTE_PUBLIC_DATA}: "The public data sets are
 * stored in a project named MAXCOMPUTE_PUBLIC_DATA, but users are not added to that project, that
 * is, they are not project members. Users therefore access the data across projects and must put
 * the project name before the table name" (MaxCompute "Public datasets" overview). Every user can
 * see the project and read its tables; nobody can write to it or run jobs in it.
 */
public final class PublicProjects {

    /** The project odps-jdbc lists next to the default one in {@code getCatalogs()}. */
    static final String PUBLIC_DATA = "MAXCOMPUTE_PUBLIC_DATA";

    private PublicProjects() {}

    /**
     * A job or tunnel session in a public project: the caller is not a member (error page
     * ODPS-0420095, "You don't exist in project").
     */
    public static void requireMember(Project p) {
        if (p != null && p.isPublic) {
            throw new HttpError(
                    403,
                    "NoPermission",
                    "ODPS-0420095: Access Denied - You don't exist in project " + p.name + ".");
        }
    }

    /**
     * A write (DDL, INSERT, TRUNCATE) from another project's job to a public project's object:
     * ODPS-0130013 in the error page's "You have NO privilege 'odps:Action' on {resource}" form.
     */
    static void refuseWrite(Project p, String privilege, String object) {
        if (p == null || !p.isPublic || isRead(privilege)) {
            return;
        }
        String name = object.substring(object.lastIndexOf(' ') + 1);
        name = name.substring(name.lastIndexOf('.') + 1);
        String resource =
                object.startsWith("TABLE ")
                        ? "projects/" + p.name + "/tables/" + name
                        : "projects/" + p.name;
        throw new OdpsSqlException(
                "ODPS-0130013",
                "Authorization exception - You have NO privilege 'odps:"
                        + action(privilege)
                        + "' on {acs:odps:*:"
                        + resource.toLowerCase(Locale.ROOT)
                        + "}. You don't exist in project "
                        + p.name
                        + ".");
    }

    private static boolean isRead(String privilege) {
        return privilege.equals("SELECT")
                || privilege.equals("DESCRIBE")
                || privilege.equals("LIST");
    }

    private static String action(String privilege) {
        switch (privilege) {
            case "CREATE_TABLE":
                return "CreateTable";
            case "DROP":
                return "Drop";
            case "ALTER":
                return "Alter";
            default:
                return "Update";
        }
    }
}
