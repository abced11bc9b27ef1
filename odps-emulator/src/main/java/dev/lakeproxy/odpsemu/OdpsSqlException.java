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
package dev.lakeproxy.odpsemu;

/**
 * A failed job. {@link #getMessage()} is the text MaxCompute puts in the task result, which the SDK
 * surfaces as the exception message: {@code ODPS-0130131:[1,15] Table not found - ...}.
 */
public class OdpsSqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public OdpsSqlException(String code, String message) {
        super(code + ":" + message);
        this.code = code;
    }

    /** An error whose full text is given verbatim (used for texts quoted from the seeds). */
    public static OdpsSqlException verbatim(String code, String fullText) {
        return new OdpsSqlException(code, fullText, true);
    }

    private OdpsSqlException(String code, String fullText, boolean verbatim) {
        super(fullText);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
