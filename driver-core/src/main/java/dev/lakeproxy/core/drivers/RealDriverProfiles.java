package dev.lakeproxy.core.drivers;

import java.util.List;

/**
 * The profiles of the real drivers lakeproxy knows; any other subprotocol gets the generic profile.
 */
public final class RealDriverProfiles {

    private static final List<RealDriverProfile> KNOWN =
            List.of(new PgjdbcProfile(), new OdpsJdbcProfile());
    private static final RealDriverProfile GENERIC = subprotocol -> true;

    private RealDriverProfiles() {
    }

    public static RealDriverProfile of(String subprotocol) {
        for (RealDriverProfile p : KNOWN) {
            if (p.serves(subprotocol)) {
                return p;
            }
        }
        return GENERIC;
    }

    /**
     * Whether any known driver treats {@code name} as a secret (for text whose driver is not
     * known).
     */
    public static boolean isSecretForAnyDriver(String name) {
        for (RealDriverProfile p : KNOWN) {
            if (p.isSecretParameter(name)) {
                return true;
            }
        }
        return false;
    }
}
