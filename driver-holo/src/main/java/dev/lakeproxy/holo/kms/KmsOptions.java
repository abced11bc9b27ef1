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
package dev.lakeproxy.holo.kms;

import dev.lakeproxy.spi.LakeOption;
import java.util.List;

/**
 * The Hologres plugin's own KMS option: which key encrypts each MaxCompute project. Where KMS is
 * and how lakeproxy signs its calls are the credentials module's options
 * ({@code lakeproxy.kms.*}, {@code lakeproxy.credentials}).
 */
public final class KmsOptions {

    private KmsOptions() {
    }

    public static final LakeOption<List<String>> KEYS = LakeOption.list("lakeproxy.kms.keys",
            "The CMK of each encrypted MaxCompute project, as project=keyId pairs, so errors can "
                    + "report the key's state.");
}
