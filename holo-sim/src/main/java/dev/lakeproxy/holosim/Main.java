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

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone Hologres simulator: {@code java -jar lakeproxy-holo-sim-<v>-standalone.jar --version
 * 3.2.5 --port 15432}. Prints the JDBC URL, seeds the sample MaxCompute projects ({@link
 * SampleData}) and runs until stopped (Ctrl+C / SIGTERM).
 */
public final class Main {
    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar lakeproxy-holo-sim-standalone.jar [options]",
            "  --version X.Y.Z            Hologres version to simulate (default 3.2.5)",
            "  --port N                   port on 127.0.0.1 (default 15432; 0 picks a free one)",
            "  --backend-configuration    the instance has the backend configuration for encrypted",
            "                             MaxCompute data (matters for V1.1 to V1.3.30)",
            "  --no-sample                do not seed the sample MaxCompute projects",
            "  --help                     this text");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        HoloSimulator sim;
        try {
            sim = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (sim == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "holo-sim-shutdown"));
        stopped.await();
    }

    /**
     * Parses the arguments, starts the simulator and prints how to connect; null after {@code
     * --help}.
     */
    static HoloSimulator start(String[] args, PrintStream out) {
        String version = "3.2.5";
        int port = 15432;
        boolean backend = false;
        boolean sample = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help":
                case "-h":
                    out.println(USAGE);
                    return null;
                case "--version":
                    version = value(args, ++i, a);
                    break;
                case "--port":
                    try {
                        port = Integer.parseInt(value(args, ++i, a));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port needs a number");
                    }
                    break;
                case "--backend-configuration":
                    backend = true;
                    break;
                case "--no-sample":
                    sample = false;
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option: " + a);
            }
        }
        SimulatedVersion v = SimulatedVersion.parse(version);
        long t0 = System.nanoTime();
        HoloSimulator sim =
                HoloSimulator.builder().version(v).backendConfiguration(backend).port(port).start();
        if (sample) {
            SampleData.seed(sim);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        out.println(
                "Hologres simulator "
                        + v
                        + " (backend configuration: "
                        + (backend ? "on" : "off")
                        + ") started in "
                        + ms
                        + " ms");
        out.println("JDBC URL: " + sim.jdbcUrl());
        out.println("user: " + sim.user() + " (any password)");
        out.println("psql: psql -h 127.0.0.1 -p " + sim.port() + " -U " + sim.user() + " postgres");
        if (sample) {
            out.println(
                    "Sample foreign tables in database postgres: public.orders (project"
                        + " sample_plain, unencrypted), public.payments (sample_byok, BYOK),"
                        + " public.customers (sample_default_key, default key)");
        }
        out.println("Running until stopped (Ctrl+C).");
        out.flush();
        return sim;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
