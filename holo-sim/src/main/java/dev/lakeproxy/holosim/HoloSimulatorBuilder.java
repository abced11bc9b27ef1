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
package dev.lakeproxy.holosim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/** Configures and starts a {@link HoloSimulator}. */
public final class HoloSimulatorBuilder {
    SimulatedVersion version = SimulatedVersion.parse("3.2.5");
    boolean backendConfiguration;
    int port;
    int maxConnections = 200;

    HoloSimulatorBuilder() {
    }

    /** The Hologres version to simulate, e.g. {@code "1.3.31"} (default 3.2.5). */
    public HoloSimulatorBuilder version(String version) {
        this.version = SimulatedVersion.parse(version);
        return this;
    }

    public HoloSimulatorBuilder version(SimulatedVersion version) {
        this.version = Objects.requireNonNull(version);
        return this;
    }

    /**
     * Whether the backend configuration for encrypted MaxCompute data has been added (matters
     * for V1.1 to V1.3.30 only). Default false.
     */
    public HoloSimulatorBuilder backendConfiguration(boolean on) {
        this.backendConfiguration = on;
        return this;
    }

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public HoloSimulatorBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** max_connections of the embedded PostgreSQL (default 200). */
    public HoloSimulatorBuilder maxConnections(int n) {
        this.maxConnections = n;
        return this;
    }

    /** Starts the embedded PostgreSQL and the endpoint. */
    public HoloSimulator start() {
        try {
            return new HoloSimulator(this);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the Hologres simulator: " + e.getMessage(), e);
        }
    }
}
