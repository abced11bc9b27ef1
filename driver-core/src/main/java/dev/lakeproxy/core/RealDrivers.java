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

import dev.lakeproxy.core.drivers.RealDriverProfile;
import dev.lakeproxy.core.errors.LakeErrors;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the real driver for a URL: first among the drivers registered on lakeproxy's own class
 * loader (this works inside tools like DBeaver, where DriverManager's caller checks get in the
 * way), then through DriverManager.
 */
final class RealDrivers {

    private static volatile List<Driver> discovered;

    private RealDrivers() {
    }

    /**
     * The driver for a URL. A known real driver is found by its class name, as DriverManager would
     * reach it by trying every driver's {@code connect}: its {@code acceptsURL} cannot see the
     * connection properties (pgjdbc turns down {@code jdbc:postgresql://?service=name} when the
     * service file's port is overridden by a property), and lakeproxy must open every connection
     * the real driver would.
     */
    static Driver find(RealDriverProfile profile, String realUrl) throws SQLException {
        String byName = profile.driverClassName();
        if (byName != null) {
            for (Driver d : discovered()) {
                if (d.getClass().getName().equals(byName)) {
                    return d;
                }
            }
            for (Driver d : Collections.list(DriverManager.getDrivers())) {
                if (d.getClass().getName().equals(byName)) {
                    return d;
                }
            }
        }
        // Drivers log the URLs they turn down (pgjdbc does, at FINE): ask with the masked URL,
        // which has the
        // same shape, so no other driver ever sees this URL's secrets.
        String asked = SecretNames.maskUrl(realUrl);
        for (Driver d : discovered()) {
            if (d.acceptsURL(asked)) {
                return d;
            }
        }
        try {
            return DriverManager.getDriver(asked);
        } catch (SQLException none) {
            throw LakeErrors.create("08001", "driver.notFound", asked);
        }
    }

    private static List<Driver> discovered() {
        List<Driver> d = discovered;
        if (d == null) {
            List<Driver> found = new ArrayList<>();
            Iterator<Driver> it =
                    ServiceLoader.load(Driver.class, RealDrivers.class.getClassLoader()).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    Driver driver = it.next();
                    if (!(driver instanceof dev.lakeproxy.Driver)) {
                        found.add(driver);
                    }
                } catch (ServiceConfigurationError broken) {
                    // a driver jar that cannot load must not stop the others from being found
                }
            }
            discovered = d = List.copyOf(found);
        }
        return d;
    }
}
