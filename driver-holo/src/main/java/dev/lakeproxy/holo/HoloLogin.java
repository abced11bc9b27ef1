package dev.lakeproxy.holo;

import dev.lakeproxy.credentials.Credential;
import dev.lakeproxy.credentials.CredentialSources;
import dev.lakeproxy.credentials.CredentialsSettings;
import dev.lakeproxy.credentials.SecretLogin;
import dev.lakeproxy.spi.ConnectRequest;

import java.sql.SQLException;

/**
 * The Hologres login from {@code lakeproxy.credentials}, in the form Alibaba documents: the
 * AccessKey ID as the user and the AccessKey secret as the password ("Grant the development
 * permissions on a Hologres instance to a RAM user"; psql with PGUSER/PGPASSWORD). The STS form of
 * "RAM role authorization mode", step 3, is not one lakeproxy could read anywhere, so a temporary
 * credential is refused with an error that names the page rather than sent in a guessed form. A
 * {@code secret:} or {@code kms:} password brings its own login: the credentials then serve KMS
 * only.
 */
final class HoloLogin {

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
        if (c.temporary()) {
            throw HoloMessages.M.create(
                    "28000", "holo.credentials.temporary", settings.mode(), c.provider(), STS_PAGE);
        }
        request.realProperties().setProperty("user", c.accessKeyId());
        request.realProperties().setProperty("password", c.accessKeySecret());
        request.note(HoloMessages.M.format("holo.note.credentials", settings.mode(), c.provider()));
    }
}
