package dev.lakeproxy.core.jdbc;

import dev.lakeproxy.LakeproxyConnection;
import dev.lakeproxy.core.errors.LakeErrors;
import java.sql.SQLException;
import java.sql.Wrapper;

/** {@code unwrap}/{@code isWrapperFor} for every wrapper: they reach the real objects. */
final class Unwrapping {

    private Unwrapping() {
    }

    static <T> T unwrap(Object wrapper, Wrapper real, Class<T> iface) throws SQLException {
        if (iface == LakeproxyConnection.class && iface.isInstance(wrapper)) {
            return iface.cast(wrapper);
        }
        if (iface.isInstance(real)) {
            return iface.cast(real);
        }
        if (real.isWrapperFor(iface)) {
            return real.unwrap(iface);
        }
        if (iface.isInstance(wrapper)) {
            return iface.cast(wrapper);
        }
        throw LakeErrors.create(
                "0A000", "unwrap.notAWrapper", real.getClass().getName(), iface.getName());
    }

    static boolean isWrapperFor(Object wrapper, Wrapper real, Class<?> iface) throws SQLException {
        return iface.isInstance(wrapper) || iface.isInstance(real) || real.isWrapperFor(iface);
    }
}
