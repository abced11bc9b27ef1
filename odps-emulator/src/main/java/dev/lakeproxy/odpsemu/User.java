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

/**
 * An account of the emulator. The root account owns everything; RAM users carry the two permission
 * layers of the Paimon_DLF seed: the RAM control plane (may create external projects) and the DLF
 * data plane (may read, write and list the attached catalog).
 */
public final class User {
    private final String name;
    private final String accessId;
    private final String accessKey;
    private final boolean root;
    private final String uid;
    volatile boolean ramExternalProjectPermission;
    volatile boolean dlfDataPermission;

    User(String name, String accessId, String accessKey, boolean root, String uid) {
        this.name = name;
        this.accessId = accessId;
        this.accessKey = accessKey;
        this.root = root;
        this.uid = uid;
        this.ramExternalProjectPermission = root;
        this.dlfDataPermission = true;
    }

    public String name() {
        return name;
    }

    public String accessId() {
        return accessId;
    }

    public String accessKey() {
        return accessKey;
    }

    public boolean isRoot() {
        return root;
    }

    /** {@code acs:ram::<uid>:root} or {@code acs:ram::<uid>:user/<name>}. */
    public String principal() {
        return root ? "acs:ram::" + uid + ":root" : "acs:ram::" + uid + ":user/" + name;
    }

    public boolean hasDlfDataPermission() {
        return root || dlfDataPermission;
    }

    public boolean hasRamExternalProjectPermission() {
        return root || ramExternalProjectPermission;
    }
}
