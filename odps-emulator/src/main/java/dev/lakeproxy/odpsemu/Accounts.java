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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The account's users: root and RAM users, found by name or by the request's access id. */
public final class Accounts {

    private final Map<String, User> byAccessId = new ConcurrentHashMap<>();
    private final Map<String, User> byName = new ConcurrentHashMap<>();
    private final String accountUid;
    final User root;
    final SignedKeys signedKeys = new SignedKeys();

    Accounts(String accountUid, String rootAccessId, String rootAccessKey) {
        this.accountUid = accountUid;
        this.root = new User("root", rootAccessId, rootAccessKey, true, accountUid);
        byAccessId.put(root.accessId(), root);
        byName.put("root", root);
    }

    User addRamUser(String name) {
        User u = new User(name, name + "-access-id", name + "-access-key", false, accountUid);
        byAccessId.put(u.accessId(), u);
        byName.put(name, u);
        return u;
    }

    User require(String name) {
        User u = byName.get(name);
        if (u == null) {
            throw new IllegalArgumentException("no such user: " + name);
        }
        return u;
    }

    /**
     * The user of a request by its access id alone: {@code Authorization: ODPS
     * <accessId>:<signature>}; unknown ids are root (signatures are not checked).
     */
    public User forAuthorization(String header) {
        if (header == null) {
            return root;
        }
        String h = header.trim();
        int sp = h.indexOf(' ');
        String cred = sp < 0 ? h : h.substring(sp + 1);
        int colon = cred.indexOf(':');
        String id = colon < 0 ? cred : cred.substring(0, colon);
        return byAccessId.getOrDefault(id, root);
    }

    /**
     * The user of a request: keys registered with {@link SignedKeys} (and every STS id) are checked
     * as MaxCompute checks them, signature, token and expiry; others as {@link
     * #forAuthorization(String)} says.
     */
    public User authenticate(
            String method,
            String resource,
            Map<String, String> headers,
            Map<String, String> params) {
        String header = headers.get("Authorization");
        String id = accessId(header);
        return id != null && signedKeys.checks(id)
                ? signedKeys.authenticate(id, header, method, resource, headers, params)
                : forAuthorization(header);
    }

    private static String accessId(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        String cred = h.substring(h.indexOf(' ') + 1);
        int colon = cred.indexOf(':');
        return colon < 0 ? cred : cred.substring(0, colon);
    }
}
