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

import dev.lakeproxy.credentials.CredentialsSettings;
import dev.lakeproxy.holo.kms.Kms;
import dev.lakeproxy.holo.kms.KmsException;
import dev.lakeproxy.holo.kms.KmsOptions;
import dev.lakeproxy.spi.ConnectRequest;
import java.sql.SQLException;

/**
 * A password given as {@code kms:<CiphertextBlob>} is decrypted with KMS Decrypt at connect;
 * neither is ever logged. Every failure, the SDK's runtime exceptions and linkage errors included,
 * is an SQLException (28P01) that keeps its cause.
 */
final class KmsPassword {

    private KmsPassword() {
    }

    static boolean requested(ConnectRequest request) {
        String password = request.realProperties().getProperty("password");
        return password != null && password.regionMatches(true, 0, "kms:", 0, 4);
    }

    static void decrypt(ConnectRequest request) throws SQLException {
        if (!requested(request)) {
            return;
        }
        String password = request.realProperties().getProperty("password");
        try {
            Kms kms = Kms.of(CredentialsSettings.of(request), request.option(KmsOptions.KEYS));
            if (kms == null) {
                throw HoloMessages.M.create("28P01", "holo.kms.passwordNeedsKms");
            }
            request.realProperties().setProperty("password", kms.decrypt(password.substring(4)));
        } catch (KmsException e) {
            throw new SQLException(
                    HoloMessages.M.format("holo.kms.passwordFailed", e.getMessage()), "28P01", e);
        } catch (RuntimeException | LinkageError e) {
            throw new SQLException(
                    HoloMessages.M.format("holo.kms.passwordFailed", e.getClass().getName()),
                    "28P01",
                    e);
        }
        request.note(HoloMessages.M.format("holo.note.kmsPassword"));
    }
}
