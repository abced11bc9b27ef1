package dev.lakeproxy.holo;

import dev.lakeproxy.spi.LakeOption;
import java.util.List;

/** The Hologres plugin's options. */
public final class HoloOptions {

    private HoloOptions() {
    }

    public static final String COMMON_TABLE_ROUTING = "odps:common_table,dlf:hqe";

    public static final LakeOption<String> ROUTING = LakeOption.choiceOrValue("lakeproxy.holo.routing", "auto",
            "V3.2+: make Common Table routing (hg_experimental_external_catalog_routing = '" + COMMON_TABLE_ROUTING
                    + "') effective in every session. auto: unless the database or role already routes odps; off: never; "
                    + "a value: always that value.", "<routing value>", "auto", "off");

    public static final LakeOption<List<String>> ENCRYPTED_PROJECTS = LakeOption.list("lakeproxy.holo.encryptedProjects",
            "V1.1 to V3.1: MaxCompute projects whose data is KMS-encrypted; statements reading their foreign tables "
                    + "run on SQE, all others keep HQE. Projects are also learned from the pangu error.");

    public static final LakeOption<Boolean> RECOVER = LakeOption.bool("lakeproxy.holo.recover", true,
            "On the pangu error (wrong engine for encrypted data), apply the right setting and retry once when the "
                    + "statement is a read in autocommit; otherwise explain the error.");

    public static List<LakeOption<?>> all() {
        List<LakeOption<?>> all = new java.util.ArrayList<>(List.of(ROUTING, ENCRYPTED_PROJECTS, RECOVER));
        all.addAll(dev.lakeproxy.holo.kms.KmsOptions.all());
        return List.copyOf(all);
    }
}
