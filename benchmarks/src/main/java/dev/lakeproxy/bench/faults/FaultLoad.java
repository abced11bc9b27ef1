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
package dev.lakeproxy.bench.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The long fault load (docs/reliability.md, case 11), run on demand: for each stand-in, a 16-thread
 * HikariCP pool runs a mixed workload for the given minutes while a real TCP fault proxy drops a
 * random connection every few seconds, raw and through lakeproxy; it prints one table row per run
 * and exits 1 when a lakeproxy run lost, doubled, misrouted or hung anything.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.lakeproxy.bench.faults.FaultLoad \
 *     [--minutes 10] [--target holo|odps|both] [--driver raw|lakeproxy|both] \
 *     [--threads 16] [--drop-every-ms 3000]
 * </pre>
 */
public final class FaultLoad {

    private FaultLoad() {}

    /**
     * The run's shape: how long, how many threads, how often a connection drops, when an operation
     * has hung.
     */
    static final class Shape {
        Duration duration = Duration.ofMinutes(10);
        int threads = 16;
        Duration dropEvery = Duration.ofSeconds(3);
        Duration hangAfter = Duration.ofSeconds(60);
    }

    public static void main(String[] args) throws Exception {
        Shape shape = new Shape();
        String target = "both";
        String driver = "both";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--minutes":
                    shape.duration =
                            Duration.ofSeconds((long) (Double.parseDouble(args[i + 1]) * 60));
                    break;
                case "--target":
                    target = args[i + 1];
                    break;
                case "--driver":
                    driver = args[i + 1];
                    break;
                case "--threads":
                    shape.threads = Integer.parseInt(args[i + 1]);
                    break;
                case "--drop-every-ms":
                    shape.dropEvery = Duration.ofMillis(Long.parseLong(args[i + 1]));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<LoadReport> reports = new ArrayList<>();
        for (String t : target.equals("both") ? List.of("holo", "odps") : List.of(target)) {
            for (String d : driver.equals("both") ? List.of("raw", "lakeproxy") : List.of(driver)) {
                boolean lakeproxy = d.equals("lakeproxy");
                LoadReport r = t.equals("holo") ? holo(lakeproxy, shape) : odps(lakeproxy, shape);
                System.out.println(LoadReport.header());
                System.out.println(r.row());
                System.out.print(r.samples());
                reports.add(r);
            }
        }
        System.out.println();
        System.out.println(LoadReport.header());
        reports.forEach(r -> System.out.println(r.row()));
        boolean holds =
                reports.stream()
                        .filter(r -> r.driver.equals("lakeproxy"))
                        .allMatch(LoadReport::holds);
        System.exit(holds ? 0 : 1);
    }

    /** The Hologres load on a V2.2 simulator behind a fault proxy. */
    static LoadReport holo(boolean lakeproxy, Shape shape) throws Exception {
        try (HoloLoad load = new HoloLoad(lakeproxy, shape.threads)) {
            return run("Hologres V2.2", lakeproxy, shape, load);
        }
    }

    /** The MaxCompute load on the emulator behind a fault proxy. */
    static LoadReport odps(boolean lakeproxy, Shape shape) throws Exception {
        try (OdpsLoad load = new OdpsLoad(lakeproxy, shape.threads)) {
            return run("MaxCompute", lakeproxy, shape, load);
        }
    }

    private static LoadReport run(
            String target, boolean lakeproxy, Shape shape, LoadRun.Workload load) throws Exception {
        LoadReport report = new LoadReport(target, lakeproxy ? "lakeproxy" : "raw");
        new LoadRun(shape.threads, shape.duration, shape.dropEvery, shape.hangAfter)
                .run(load, report);
        return report;
    }
}
