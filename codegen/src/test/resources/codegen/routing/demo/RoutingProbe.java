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
package demo;

import java.util.ArrayList;
import java.util.List;

/** Scenarios through the generated routing; the log says which way each call went. */
public final class RoutingProbe {
    private RoutingProbe() {
    }

    /**
     * Every routed and unrouted method once, with the given interest and a real that may fail once.
     */
    public static List<String> run(long interest, boolean failFirst) throws Exception {
        List<String> log = new ArrayList<>();
        Prep p = new RoutedPrep(new RealPrep(log, failFirst), log, interest);
        log.add("= " + p.execute("SELECT 1"));
        log.add("= " + p.executeLarge("UPDATE t", 7));
        log.add("= " + p.executeQuery("SELECT q"));
        log.add("= " + p.executeUpdate());
        p.executeBatch();
        p.executeTimes(2);
        p.addBatch("INSERT b");
        p.setInt(1, 9);
        p.close();
        return log;
    }
}
