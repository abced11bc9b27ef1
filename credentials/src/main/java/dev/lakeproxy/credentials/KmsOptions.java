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
package dev.lakeproxy.credentials;

import dev.lakeproxy.spi.LakeOption;
import java.util.List;

/**
 * Where lakeproxy's own KMS calls go (DescribeKey, Decrypt, GetSecretValue), and their static
 * AccessKey pair.
 */
public final class KmsOptions {

    private KmsOptions() {}

    public static final LakeOption<String> REGION =
            LakeOption.text("lakeproxy.kms.regionId", "cn-hangzhou", "KMS region.", false);
    public static final LakeOption<String> ENDPOINT =
            LakeOption.text(
                    "lakeproxy.kms.endpoint",
                    "",
                    "KMS endpoint host[:port]; empty means kms.<regionId>.aliyuncs.com.",
                    false);
    public static final LakeOption<String> PROTOCOL =
            LakeOption.choice(
                    "lakeproxy.kms.protocol",
                    "https",
                    "Protocol to the KMS endpoint (http only for a local test endpoint).",
                    "https",
                    "http");
    public static final LakeOption<String> ACCESS_KEY_ID =
            LakeOption.text(
                    "lakeproxy.kms.accessKeyId",
                    "",
                    "AccessKey ID for lakeproxy's KMS calls (DescribeKey, Decrypt, GetSecretValue)."
                        + " Empty: KMS uses lakeproxy.credentials, unless that is url; with"
                        + " neither, lakeproxy does not call KMS.",
                    true);
    public static final LakeOption<String> ACCESS_KEY_SECRET =
            LakeOption.text("lakeproxy.kms.accessKeySecret", "", "AccessKey secret for KMS.", true);

    public static final LakeOption<Integer> TIMEOUT =
            LakeOption.timeoutMillis(
                    "lakeproxy.kms.timeoutMillis",
                    5_000,
                    "How long each KMS call may take to connect, and then to answer: Decrypt of a"
                        + " kms: password and GetSecretValue of a secret: password at connect,"
                        + " DescribeKey for an explanation or doctor. Not retried. When it passes,"
                        + " a connect fails with an error that says KMS did not answer (28P01 on"
                        + " Hologres), and an explanation goes on without the key's state.");

    public static List<LakeOption<?>> all() {
        return List.of(REGION, ENDPOINT, PROTOCOL, ACCESS_KEY_ID, ACCESS_KEY_SECRET, TIMEOUT);
    }
}
