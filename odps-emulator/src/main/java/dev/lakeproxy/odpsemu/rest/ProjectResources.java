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

import static dev.lakeproxy.odpsemu.rest.RestText.childText;
import static dev.lakeproxy.odpsemu.rest.RestText.esc;
import static dev.lakeproxy.odpsemu.rest.RestText.rfc822;

import com.google.gson.JsonObject;
import dev.lakeproxy.odpsemu.Catalog;
import dev.lakeproxy.odpsemu.Catalog.Project;
import dev.lakeproxy.odpsemu.Catalog.Schema;
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import dev.lakeproxy.odpsemu.Tenant;
import dev.lakeproxy.odpsemu.User;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Tenant, project and schema resources: {@code /tenants}, {@code /projects[/p]}, {@code
 * /projects/p/schemas}.
 */
final class ProjectResources {

    private final MaxComputeEmulator emu;
    private final Catalog catalog;
    private final Tenant tenant;
    private final ZoneId zone;

    /** @param emu creates the projects that {@code POST /projects} asks for */
    ProjectResources(MaxComputeEmulator emu, Catalog catalog, Tenant tenant, ZoneId zone) {
        this.emu = emu;
        this.catalog = catalog;
        this.tenant = tenant;
        this.zone = zone;
    }

    Reply tenant() {
        JsonObject params = new JsonObject();
        params.addProperty("odps.namespace.schema", String.valueOf(tenant.namespaceSchema()));
        JsonObject t = new JsonObject();
        t.addProperty("Name", "emulator");
        t.addProperty("OwnerId", tenant.accountUid());
        t.addProperty("TenantId", tenant.accountUid());
        t.addProperty("State", "NORMAL");
        t.add("Parameters", params);
        JsonObject root = new JsonObject();
        root.add("Tenant", t);
        return Reply.json(root.toString());
    }

    /**
     * {@code POST /projects} (odps-sdk {@code Projects.createExternalProject}): the RAM control
     * plane. An external project whose {@code external_project_properties} say {@code
     * "source":"paimon_dlf"} is bound to the DLF catalog named by its {@code dlf.catalog} property
     * (default: the project name).
     */
    Reply createProject(byte[] body, User user) {
        String name;
        String type;
        Map<String, String> props = new LinkedHashMap<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setExpandEntityReferences(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root =
                    f.newDocumentBuilder()
                            .parse(new ByteArrayInputStream(body))
                            .getDocumentElement();
            name = childText(root, "Name");
            type = childText(root, "Type");
            NodeList ps = root.getElementsByTagName("Property");
            for (int i = 0; i < ps.getLength(); i++) {
                Element pe = (Element) ps.item(i);
                props.put(childText(pe, "Name"), childText(pe, "Value"));
            }
        } catch (Exception e) {
            throw new HttpError(
                    400,
                    "InvalidArgument",
                    "ODPS-0420061: Invalid parameter in HTTP request - malformed project: "
                            + e.getMessage());
        }
        if (name == null || name.trim().isEmpty()) {
            throw new HttpError(
                    400,
                    "InvalidArgument",
                    "ODPS-0420061: Invalid parameter in HTTP request - project name is required");
        }
        if (catalog.project(name) != null) {
            throw new HttpError(
                    409,
                    "ObjectAlreadyExists",
                    "ODPS-0420111: Project already exists - '" + name + "'.");
        }
        if ("external".equalsIgnoreCase(type)) {
            if (!user.hasRamExternalProjectPermission()) {
                throw new HttpError(
                        403, "NoPermission", "You are not authorized to perform this action");
            }
            String catalogName = name;
            String ext = props.get("external_project_properties");
            if (ext != null) {
                JsonObject o = new com.google.gson.JsonParser().parse(ext).getAsJsonObject();
                String source = o.has("source") ? o.get("source").getAsString() : "";
                if (!source.equalsIgnoreCase("paimon_dlf")) {
                    throw new HttpError(
                            400,
                            "InvalidArgument",
                            "ODPS-0420061: Invalid parameter in HTTP request - only Paimon_DLF"
                                + " external projects are emulated, got source '"
                                    + source
                                    + "'");
                }
                if (o.has("dlf.catalog")) {
                    catalogName = o.get("dlf.catalog").getAsString();
                }
            }
            emu.createPaimonDlfProject(name, catalogName, user);
        } else if ("true".equalsIgnoreCase(props.get("odps.schema.model.enabled"))) {
            emu.createThreeTierProject(name);
        } else {
            emu.createProject(name);
        }
        Reply r = new Reply();
        r.status = 201;
        r.headers.put("Location", emu.endpoint() + "/projects/" + name.toLowerCase(Locale.ROOT));
        return r;
    }

    Project require(String name) {
        Project p = catalog.project(name);
        if (p == null) {
            throw HttpError.notFound("ODPS-0420111: Project not found - '" + name + "'.");
        }
        return p;
    }

    /** {@code GET /projects/p/schemas[/s]}: the schema list, or one schema. */
    Reply schemas(Project p, List<String> seg) {
        if (seg.size() == 3) {
            StringBuilder sb = new StringBuilder("<Schemas>");
            for (Schema s : p.schemas.values()) {
                sb.append(schemaXml(p, s));
            }
            return Reply.xml(sb.append("<Marker></Marker></Schemas>").toString());
        }
        if (seg.size() != 4) {
            throw HttpError.unknownResource(seg);
        }
        Schema s = p.schemas.get(seg.get(3).toLowerCase(Locale.ROOT));
        if (s == null) {
            throw HttpError.notFound("ODPS-0110061: Schema not found - '" + seg.get(3) + "'");
        }
        return Reply.xml(schemaXml(p, s));
    }

    private static String schemaXml(Project p, Schema s) {
        return "<Schema><Name>"
                + esc(s.name)
                + "</Name><Project>"
                + esc(p.name)
                + "</Project></Schema>";
    }

    Reply listProjects() {
        StringBuilder sb = new StringBuilder("<Projects>");
        for (Project p : catalog.projects.values()) {
            sb.append(projectXml(p));
        }
        return Reply.xml(
                sb.append("<Marker></Marker><MaxItems>100</MaxItems></Projects>").toString());
    }

    Reply project(Project p) {
        Reply r = Reply.xml(projectXml(p));
        r.headers.put("x-odps-owner", p.owner);
        r.headers.put("x-odps-creation-time", rfc822(new Date(p.createdAt)));
        r.headers.put("Last-Modified", rfc822(new Date(p.createdAt)));
        return r;
    }

    String projectXml(Project p) {
        StringBuilder sb =
                new StringBuilder("<Project><Name>").append(esc(p.name)).append("</Name>");
        sb.append("<Type>").append(p.isPaimonDlf() ? "external" : "managed").append("</Type>");
        sb.append("<Comment></Comment><Owner>").append(esc(p.owner)).append("</Owner>");
        sb.append("<CreationTime>").append(rfc822(new Date(p.createdAt))).append("</CreationTime>");
        sb.append("<LastModifiedTime>")
                .append(rfc822(new Date(p.createdAt)))
                .append("</LastModifiedTime>");
        sb.append("<State>AVAILABLE</State><Properties>");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("odps.sql.timezone", zone.getId());
        props.put("odps.schema.model.enabled", String.valueOf(p.threeTier));
        if (p.isPaimonDlf()) {
            props.put("external_project_properties", "Paimon_DLF");
            props.put("dlf.catalog", p.dlfCatalog);
        }
        for (Map.Entry<String, String> e : props.entrySet()) {
            sb.append("<Property><Name>")
                    .append(esc(e.getKey()))
                    .append("</Name><Value>")
                    .append(esc(e.getValue()))
                    .append("</Value></Property>");
        }
        sb.append("</Properties></Project>");
        return sb.toString();
    }
}
