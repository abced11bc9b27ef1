package dev.lakeproxy.core.jdbc;

import dev.lakeproxy.core.Version;
import dev.lakeproxy.spi.DatabaseMetaDataForwarding;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Metadata wrapper: identity ({@code getConnection}) and the driver's name and version; the rest is
 * forwarded.
 */
public class LakeDatabaseMetaData extends LakeWrapper implements DatabaseMetaDataForwarding {

    private final LakeConnection owner;
    private final DatabaseMetaData real;
    /** The real metadata, or a plugin's in front of it. */
    private final DatabaseMetaData effective;

    LakeDatabaseMetaData(LakeConnection owner, DatabaseMetaData real, DatabaseMetaData effective) {
        super(real);
        this.owner = owner;
        this.real = real;
        this.effective = effective;
    }

    @Override
    public final DatabaseMetaData databaseMetaDataDelegate() {
        return effective;
    }

    DatabaseMetaData realMetaData() {
        return real;
    }

    @Override
    public Connection getConnection() {
        return owner;
    }

    @Override
    public String getDriverName() throws SQLException {
        return "lakeproxy " + Version.VERSION + " over " + real.getDriverName();
    }

    @Override
    public String getDriverVersion() throws SQLException {
        return Version.VERSION + " (" + real.getDriverName() + " " + real.getDriverVersion() + ")";
    }

    @Override
    public int getDriverMajorVersion() {
        return Version.MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return Version.MINOR;
    }

}
