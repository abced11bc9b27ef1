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
package dev.lakeproxy.spi.sql;

import java.util.List;

/**
 * Parsing, offered to plugins after their lexical pre-check said "maybe". Results are cached by
 * text.
 */
public interface SqlAnalysis {

    /** The whole text as one statement. Never throws. */
    ParsedStatement parse(String sql);

    /**
     * Each statement of a string that may hold several ({@code SELECT 1; SELECT ...}), split
     * lexically at the semicolons outside quotes, comments and dollar quotes. A single statement
     * gives a list of one.
     */
    List<ParsedStatement> parseEach(String sql);
}
