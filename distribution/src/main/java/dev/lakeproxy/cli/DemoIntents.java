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
package dev.lakeproxy.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What each demo step means to show, held against what happened: the raw driver fails for the
 * documented reason, lakeproxy succeeds or refuses as described. The demo prints the tally and
 * exits 1 when a step shows something else, so that a stand-in or a plugin that drifts turns the
 * demo (and its test) red instead of silently showing a different story.
 */
final class DemoIntents {

    /** One statement's outcome through one driver. */
    static final class Outcome {
        final boolean succeeded;
        final String text;

        private Outcome(boolean succeeded, String text) {
            this.succeeded = succeeded;
            this.text = text == null ? "" : text;
        }

        static Outcome success(String what) {
            return new Outcome(true, what);
        }

        static Outcome failure(String message) {
            return new Outcome(false, message);
        }
    }

    private final List<String> shown = new ArrayList<>();
    private final List<String> missed = new ArrayList<>();

    /** The step's intent held; otherwise {@code why} says what it should have shown. */
    void expect(String step, boolean held, String why) {
        (held ? shown : missed).add(step + (held ? "" : ": expected " + why));
    }

    /** The raw driver failed and its message has {@code reason} (the documented error). */
    void rawFails(String step, Outcome raw, String reason) {
        expect(
                step + " (raw driver)",
                !raw.succeeded && raw.text.contains(reason),
                "a failure naming " + reason + ", got " + (raw.succeeded ? "success" : raw.text));
    }

    void lakeproxySucceeds(String step, Outcome lake) {
        expect(step + " (lakeproxy)", lake.succeeded, "success, got " + lake.text);
    }

    /** lakeproxy refused before submission, saying {@code reason}. */
    void lakeproxyRefuses(String step, Outcome lake, String reason) {
        expect(step + " (lakeproxy)", !lake.succeeded && lake.text.startsWith("lakeproxy refused")
                && lake.text.contains(reason), "a refusal naming " + reason + ", got " + lake.text);
    }

    List<String> shown() {
        return shown;
    }

    List<String> missed() {
        return missed;
    }
}
