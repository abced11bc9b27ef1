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

/**
 * Calls every method through the wrapper; the log says what reached the real object and what came
 * back.
 */
public final class Probe {
    private Probe() {
    }

    @SuppressWarnings("deprecation")
    public static List<String> run() throws Exception {
        List<String> log = new ArrayList<>();
        Circle c = new ForwardingCircle(new RecordingCircle(log));
        log.add("= " + c.radius());
        log.add("= " + c.area());
        log.add("= " + c.scaled(3));
        log.add("= " + c.tags("a", "b", "c"));
        c.reset();
        log.add("= " + c.legacy());
        log.add("= " + c.name());
        log.add("= " + c.greeting());
        return log;
    }
}
