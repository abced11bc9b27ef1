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
package dev.lakeproxy.core;

import dev.lakeproxy.core.drivers.RealDriverProfiles;
import dev.lakeproxy.core.options.OptionRegistry;
import dev.lakeproxy.spi.LakeOption;
import dev.lakeproxy.spi.Secrets;
import java.util.Properties;

/**
 * Which names hold secrets, from their sources: the generic names ({@link Secrets}), the real
 * drivers' own parameters (their profiles) and the options marked secret in the option registry.
 */
public final class SecretNames {

    private SecretNames() {
    }

    public static boolean isSecret(String name) {
        if (name == null) {
            return false;
        }
        if (Secrets.isSecretName(name) || RealDriverProfiles.isSecretForAnyDriver(name)) {
            return true;
        }
        LakeOption<?> option =
                OptionRegistry.isLakeOption(name) ? OptionRegistry.discovered().find(name) : null;
        return option != null && option.isSecret();
    }

    public static String maskUrl(String url) {
        return Secrets.maskUrl(url, SecretNames::isSecret);
    }

    public static String maskProperties(Properties properties) {
        return Secrets.maskProperties(properties, SecretNames::isSecret);
    }
}
