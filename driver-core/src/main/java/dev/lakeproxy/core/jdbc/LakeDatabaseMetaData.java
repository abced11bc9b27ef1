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
