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
