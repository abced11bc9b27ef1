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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.credentials.CredentialsSettings;
import dev.lakeproxy.holo.kms.KeyStates;
import dev.lakeproxy.holo.kms.KmsOptions;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No runtime exception or linkage error of the KMS code paths reaches the caller: an SQLException
 * keeps it.
 */
class KmsFailureTest {

    /**
     * A connect request whose KMS options blow up the way a broken SDK or a repackaged jar would.
     */
    private static StubConnectRequest request(Throwable failure) {
        StubConnectRequest r =
                new StubConnectRequest(
                        "jdbc:postgresql://127.0.0.1:1/db",
                        option -> {
                            if (option == dev.lakeproxy.credentials.KmsOptions.ACCESS_KEY_ID) {
                                if (failure instanceof Error) {
                                    throw (Error) failure;
                                }
                                throw (RuntimeException) failure;
                            }
                            return option == KmsOptions.KEYS
                                    ? List.of()
                                    : option.parse(option.defaultValue());
                        });
        r.props.setProperty("password", "kms:QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=");
        return r;
    }

    @Test
    void aRuntimeExceptionDecryptingThePasswordIsAnSqlExceptionWithItsCause() {
        IllegalStateException boom = new IllegalStateException("sdk state");
        SQLException e = assertThrows(SQLException.class, () -> KmsPassword.decrypt(request(boom)));
        assertEquals("28P01", e.getSQLState());
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().contains("could not decrypt the kms: password"), e.getMessage());
    }

    @Test
    void aLinkageErrorDecryptingThePasswordIsAnSqlExceptionWithItsCause() {
        NoClassDefFoundError missing = new NoClassDefFoundError("com/aliyuncs/DefaultAcsClient");
        SQLException e =
                assertThrows(SQLException.class, () -> KmsPassword.decrypt(request(missing)));
        assertSame(missing, e.getCause());
        assertTrue(e.getMessage().contains("NoClassDefFoundError"), e.getMessage());
    }

    @Test
    void aKeyStateThatCannotBeAskedIsASentenceNotAnException() {
        CredentialsSettings unreachable = CredentialsSettings.of(Map.of(
                dev.lakeproxy.credentials.KmsOptions.ENDPOINT, "127.0.0.1:1",
                dev.lakeproxy.credentials.KmsOptions.PROTOCOL, "http",
                dev.lakeproxy.credentials.KmsOptions.ACCESS_KEY_ID, "id",
                dev.lakeproxy.credentials.KmsOptions.ACCESS_KEY_SECRET, "secret"));
        String sentence = KeyStates.describe(unreachable, List.of("p=key"), "p");
        assertTrue(sentence.contains("KMS could not report the key's state"), sentence);
    }
}
