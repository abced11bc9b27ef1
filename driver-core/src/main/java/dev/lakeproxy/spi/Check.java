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

import java.util.Objects;

/**
 * One line of a diagnosis ({@code lakeproxy doctor}): what was checked, how it stands, what was
 * found, and the exact fix when it is not OK. Plugins return these from {@link
 * LakePlugin#diagnose}; the text is shown as it is, so it must come from the plugin's bundle and
 * never hold a secret.
 */
public final class Check {

    /** How a check stands: OK, worth a look (WARN), or broken (FAIL). */
    public enum Status { OK, WARN, FAIL }

    private final String name;
    private final Status status;
    private final String detail;
    private final String fix;

    private Check(String name, Status status, String detail, String fix) {
        this.name = Objects.requireNonNull(name);
        this.status = Objects.requireNonNull(status);
        this.detail = Secrets.maskText(Objects.requireNonNull(detail));
        this.fix = Secrets.maskText(fix);
    }

    public static Check ok(String name, String detail) {
        return new Check(name, Status.OK, detail, null);
    }

    public static Check warn(String name, String detail, String fix) {
        return new Check(name, Status.WARN, detail, fix);
    }

    public static Check fail(String name, String detail, String fix) {
        return new Check(name, Status.FAIL, detail, fix);
    }

    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** The fix, or {@code null} for an OK check. */
    public String fix() {
        return fix;
    }

    @Override
    public String toString() {
        return status + " " + name + ": " + detail + (fix == null ? "" : " (fix: " + fix + ")");
    }
}
