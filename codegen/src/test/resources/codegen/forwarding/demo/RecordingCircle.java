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

import java.util.List;

/** The real object: says which of its methods ran, with what. */
final class RecordingCircle implements Circle {
    private final List<String> log;

    RecordingCircle(List<String> log) {
        this.log = log;
    }

    @Override
    public double radius() {
        log.add("radius");
        return 2;
    }

    @Override
    public double area() {
        log.add("area");
        return 12.5;
    }

    @Override
    public <N extends Number & Comparable<N>> N scaled(N factor) {
        log.add("scaled " + factor);
        return factor;
    }

    @Override
    public String tags(String first, String... more) {
        log.add("tags " + first + " " + List.of(more));
        return first + more.length;
    }

    @Override
    public void reset() {
        log.add("reset");
    }

    @Override
    public int legacy() {
        log.add("legacy");
        return 7;
    }

    @Override
    public String name() {
        log.add("name");
        return "c";
    }

    @Override
    public String greeting() {
        log.add("greeting"); // not "name": the wrapper must not run Named's default itself
        return "hi";
    }
}
