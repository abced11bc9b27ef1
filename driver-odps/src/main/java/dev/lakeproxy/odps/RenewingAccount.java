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
package dev.lakeproxy.odps;

import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.account.AliyunRequestSigner;
import com.aliyun.odps.account.RequestSigner;
import com.aliyun.odps.account.StsRequestSigner;
import dev.lakeproxy.credentials.Credential;
import dev.lakeproxy.credentials.CredentialSource;
import dev.lakeproxy.credentials.CredentialsException;
import java.time.Duration;

/**
 * A MaxCompute account that signs each request with the credential {@code lakeproxy.credentials}
 * has now, so an open connection outlives any one STS token: odps-jdbc asks the account for a
 * signer on every request, and the copies of {@code Odps} that statements and tunnel sessions make
 * share this account, so they renew too. It extends {@link AliyunAccount} because odps-jdbc's
 * {@code getUserName()} casts to it. The SDK's own provider-based account (AklessAccount) arrived
 * in 0.46; odps-jdbc 3.4.2 brings 0.43.
 */
final class RenewingAccount extends AliyunAccount {

    private final CredentialSource source;
    private final Duration timeout;

    RenewingAccount(Credential first, CredentialSource source, Duration timeout) {
        super(first.accessKeyId(), first.accessKeySecret());
        this.source = source;
        this.timeout = timeout;
    }

    private Credential now() {
        try {
            return source.current(timeout);
        } catch (CredentialsException e) {
            // the guarded layers turn it into an SQLException with this message
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public String getAccessId() {
        return now().accessKeyId();
    }

    @Override
    public String getAccessKey() {
        return now().accessKeySecret();
    }

    @Override
    public AccountProvider getType() {
        return now().temporary() ? AccountProvider.STS : AccountProvider.ALIYUN;
    }

    /**
     * One credential per request, taken whole: an ID never signs with another generation's secret.
     */
    @Override
    public RequestSigner getRequestSigner() {
        Credential c = now();
        return c.temporary()
                ? new StsRequestSigner(c.accessKeyId(), c.accessKeySecret(), c.securityToken())
                : new AliyunRequestSigner(c.accessKeyId(), c.accessKeySecret());
    }

    @Override
    public String toString() {
        return "MaxCompute account renewed by " + source;
    }
}
