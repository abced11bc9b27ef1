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
