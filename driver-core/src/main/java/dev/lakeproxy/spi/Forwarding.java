package dev.lakeproxy.spi;

import dev.lakeproxy.codegen.GenerateForwarding;
import java.sql.DatabaseMetaData;

/**
 * Asks the build for {@link DatabaseMetaDataForwarding}, which plugins implement to change a few
 * metadata calls.
 */
@GenerateForwarding(DatabaseMetaData.class)
final class Forwarding {
    private Forwarding() {
    }
}
