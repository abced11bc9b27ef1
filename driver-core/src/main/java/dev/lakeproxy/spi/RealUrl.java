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
package dev.lakeproxy.spi;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real driver's URL and connection properties as that driver reads them, so a plugin never
 * parses a driver's URL by hand: for pgjdbc, what {@code org.postgresql.Driver.parseURL} gives; for
 * odps-jdbc, the URL's query over the properties. Parameter values may be secrets: never log them.
 */
public final class RealUrl {

    private final String url;
    private final String database;
    private final String user;
    private final Map<String, String> parameters;

    /**
     * @param database the database the driver connects to (pgjdbc: the URL's path, else the user's
     *     name, as PostgreSQL does; odps-jdbc: the project), or "" when none
     * @param user the user the driver logs in as, or "" when none is given
     * @param parameters every parameter, URL and properties merged as the driver merges them
     */
    public RealUrl(String url, String database, String user, Map<String, String> parameters) {
        this.url = url;
        this.database = database == null ? "" : database;
        this.user = user == null ? "" : user;
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(parameters);
        this.parameters = Collections.unmodifiableMap(copy);
    }

    /** The real driver's URL, as it will be given to the driver. */
    public String url() {
        return url;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** A parameter's value (names compared case-insensitively), or {@code null}. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    /** Every parameter; values may be secrets. */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return Secrets.maskUrl(url)
                + " (database "
                + database
                + ")"; // the user may be an AccessKey ID
    }
}
