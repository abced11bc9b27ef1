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
package dev.lakeproxy.holo;

import dev.lakeproxy.credentials.Credential;
import dev.lakeproxy.credentials.CredentialSources;
import dev.lakeproxy.credentials.CredentialsSettings;
import dev.lakeproxy.credentials.SecretLogin;
import dev.lakeproxy.spi.ConnectRequest;
import java.sql.SQLException;

/**
 * The Hologres login from {@code lakeproxy.credentials}, in the forms Alibaba documents. An
 * AccessKey pair: the AccessKey ID as the user and the AccessKey secret as the password ("Grant the
 * development permissions on a Hologres instance to a RAM user"; psql with PGUSER/PGPASSWORD). A
 * temporary (STS) credential, as "RAM role authorization mode", step 3, gives it for JDBC and psql:
 * its AccessKey ID and secret as user and password, and the security token in the startup
 * parameter {@code options} as {@code sts_token=<SecurityToken>} (V2.0 and later). A {@code
 * secret:} or {@code kms:} password brings its own login: the credentials then serve KMS only.
 */
final class HoloLogin {

    /**
     * How the startup options carry an STS security token ("RAM role authorization mode", step 3).
     */
    static final String STS_TOKEN = "sts_token=";

    /** Where Alibaba documents logging in to Hologres with temporary credentials. */
    static final String STS_PAGE =
            "https://www.alibabacloud.com/help/en/hologres/"
                    + "security-and-compliance/ram-authorization-mode";

    private HoloLogin() {}

    static void apply(ConnectRequest request) throws SQLException {
        CredentialsSettings settings = CredentialsSettings.of(request);
        if (SecretLogin.requested(request) || KmsPassword.requested(request)) {
            return;
        }
        Credential c = CredentialSources.forLogin(settings);
        if (c == null) {
            return;
        }
        request.realProperties().setProperty("user", c.accessKeyId());
        request.realProperties().setProperty("password", c.accessKeySecret());
        if (c.temporary()) {
            StartupOptions.addSecret(request, STS_TOKEN + c.securityToken());
            request.note(HoloMessages.M.format("holo.note.stsCredentials", settings.mode(),
                    c.provider(), STS_PAGE));
        } else {
            request.note(
                    HoloMessages.M.format("holo.note.credentials", settings.mode(), c.provider()));
        }
    }
}
