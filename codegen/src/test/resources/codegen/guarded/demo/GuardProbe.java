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

import java.sql.SQLException;

/** Makes the real object throw {@code thrown} and says what came out of the wrapper. */
public final class GuardProbe {
    private GuardProbe() {
    }

    public static String read(Throwable thrown) {
        return outcome(() -> wrapperThrowing(thrown).read("k"));
    }

    public static String size(Throwable thrown) {
        return outcome(() -> String.valueOf(wrapperThrowing(thrown).size()));
    }

    private interface Call {
        String run() throws SQLException;
    }

    private static String outcome(Call call) {
        try {
            return "returned " + call.run();
        } catch (SQLException e) {
            return "SQLException " + e.getSQLState() + " " + e.getMessage() + ", cause "
                    + e.getCause().getClass().getSimpleName();
        } catch (RuntimeException | Error e) {
            return "unchanged " + e.getClass().getSimpleName();
        }
    }

    private static SourceForwarding wrapperThrowing(Throwable thrown) {
        Source real = new Source() {
            @Override
            public String read(String key) throws SQLException {
                return answer();
            }

            @Override
            public int size() {
                return answer().length();
            }

            private String answer() {
                if (thrown instanceof RuntimeException) {
                    throw (RuntimeException) thrown;
                }
                if (thrown instanceof Error) {
                    throw (Error) thrown;
                }
                return "value";
            }
        };
        return () -> real;
    }
}
