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
package dev.lakeproxy.cloudsim;

import java.time.Instant;

/** A temporary credential the loopback STS issued: what a stand-in must accept until it expires. */
public final class IssuedCredential {

    public final String accessKeyId;
    public final String accessKeySecret;
    public final String securityToken;
    public final Instant expiration;

    /** The role it is a session of. */
    public final String roleArn;

    IssuedCredential(
            String accessKeyId,
            String accessKeySecret,
            String securityToken,
            Instant expiration,
            String roleArn) {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.securityToken = securityToken;
        this.expiration = expiration;
        this.roleArn = roleArn;
    }

    @Override
    public String toString() {
        return "STS credential of " + roleArn + ", expires " + expiration;
    }
}
