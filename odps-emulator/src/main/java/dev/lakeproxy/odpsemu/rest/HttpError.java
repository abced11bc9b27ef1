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

import dev.lakeproxy.odpsemu.Catalog;
import dev.lakeproxy.odpsemu.User;
import java.util.List;

/** An HTTP-level error: MaxCompute's XML (or the tunnel's JSON) error document. */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    public HttpError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** A path the service has no resource for: 404 {@code NoSuchObject}. */
    static HttpError unknownResource(List<String> seg) {
        return new HttpError(404, "NoSuchObject", "Unknown resource: /" + String.join("/", seg));
    }

    /**
     * A request parameter the resource does not serve (API errors page: "ODPS-0420061: Invalid
     * parameter in HTTP request", HTTP 400). Never the resource's plain answer with status 200.
     */
    public static HttpError invalidParameter(String detail) {
        return new HttpError(
                400,
                "InvalidParameter",
                "ODPS-0420061: Invalid parameter in HTTP request - " + detail);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, "NoSuchObject", message);
    }

    /**
     * A RAM user without DLF data permission reading or writing a Paimon_DLF table through a
     * tunnel: {@code 403 NoPermission} with the seed's "doesn't have privilege" text.
     */
    public static void requireDlfData(
            Catalog catalog, User user, Catalog.Table t, String privilege) {
        if (catalog.project(t.project).isPaimonDlf() && !user.hasDlfDataPermission()) {
            throw new HttpError(
                    403,
                    "NoPermission",
                    "ODPS-0130013:Authorization exception - Forbidden: User "
                            + user.principal()
                            + " doesn't have privilege "
                            + privilege
                            + " on TABLE "
                            + t.schema
                            + "."
                            + t.name);
        }
    }
}
