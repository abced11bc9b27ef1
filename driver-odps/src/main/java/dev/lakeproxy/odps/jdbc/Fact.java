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
package dev.lakeproxy.odps.jdbc;

import java.util.function.Function;

/**
 * One {@code DatabaseMetaData} answer that is a fact about MaxCompute: the method, the answer (for
 * methods with arguments, a function of them), how the docs show it, and where MaxCompute documents
 * it. The table of these is the code's answer and docs/maxcompute.md's table at once (a test keeps
 * them equal).
 */
final class Fact {

    final String method;
    final Function<Object[], Object> answer;
    final String shown;
    final String source;

    private Fact(String method, Function<Object[], Object> answer, String shown, String source) {
        this.method = method;
        this.answer = answer;
        this.shown = shown;
        this.source = source;
    }

    /** A method without arguments (or whose answer does not depend on them) and its value. */
    static Fact of(String method, Object value, String source) {
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return new Fact(method, args -> value, shown, source);
    }

    /** A method whose answer depends on its arguments. */
    static Fact of(String method, Function<Object[], Object> answer, String shown, String source) {
        return new Fact(method, answer, shown, source);
    }
}
