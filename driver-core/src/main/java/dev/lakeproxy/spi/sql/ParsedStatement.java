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
 * One statement as lakeproxy's SQL analysis sees it, in the SPI's own types. Shared through a
 * cache: read-only. SQL that could not be parsed is still a statement: {@link #isParsed()} is
 * false, {@link #tables()} is {@code null} ("unknown: pass it through"), and {@link #kind()} comes
 * from its first keyword.
 */
public interface ParsedStatement {

    /** The statement's text. */
    String sql();

    boolean isParsed();

    /** Why parsing failed (first line of the parser's message), or {@code null}. */
    String failure();

    /**
     * What the statement does. A statement is {@link StatementKind#READ} only when that is certain.
     */
    StatementKind kind();

    /**
     * Every table the statement names (with repeats, in order), or {@code null} when that cannot be
     * known. Names in CTE references are included as written; a plugin resolves them against its
     * own catalog.
     */
    List<TableName> tables();
}
