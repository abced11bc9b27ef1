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

import static dev.lakeproxy.odpsemu.rest.RestText.cdata;

import com.google.gson.JsonObject;
import dev.lakeproxy.odpsemu.User;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /projects/p/authorization}: the security query endpoint. {@code ?sign_bearer_token}
 * answers a (dummy) logview token; a {@code whoami} query answers the caller as JSON, as
 * odps-sdk-core's {@code WhoamiCommand} parses it. Other security commands are not emulated and get
 * MaxCompute's invalid-parameter error.
 */
final class AuthorizationResources {

    private static final Pattern QUERY = Pattern.compile("<Query>(.*?)</Query>", Pattern.DOTALL);

    private AuthorizationResources() {}

    static Reply handle(Map<String, String> q, byte[] body, User user) {
        if (q.containsKey("sign_bearer_token")) {
            return Reply.xml(
                    "<Authorization><Result>emulator-bearer-token</Result></Authorization>");
        }
        Matcher m = QUERY.matcher(new String(body, StandardCharsets.UTF_8));
        String query =
                m.find() ? m.group(1).replace("<![CDATA[", "").replace("]]>", "").trim() : "";
        String command = query.replaceAll(";\\s*$", "").trim().toLowerCase(Locale.ROOT);
        if (!command.equals("whoami")) {
            throw HttpError.invalidParameter("security query '" + query + "' is not emulated");
        }
        JsonObject who = new JsonObject();
        who.addProperty("DisplayName", user.principal());
        who.addProperty("SourceIP", "127.0.0.1");
        who.addProperty("VpcId", "");
        return Reply.xml(
                "<Authorization><Result>" + cdata(who.toString()) + "</Result></Authorization>");
    }
}
