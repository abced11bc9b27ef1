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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TableNameTest {

    @Test
    void foldsLikePostgresql() {
        assertEquals("orders", TableName.of("Orders").table());
        assertEquals("Ft_Quoted", TableName.of("\"Ft_Quoted\"").table());
        assertEquals("a\"b", TableName.of("\"a\"\"b\"").table());
        assertEquals("sales", TableName.of("SALES", "t").qualifier());
        assertNull(TableName.of("t").qualifier());
    }

    @Test
    void keepsWhatWasWrittenAndWhere() {
        TableName n = TableName.of(null, "`s`", "t").at(14, 19);
        assertEquals(2, n.size());
        assertTrue(n.isQuoted(0));
        assertFalse(n.isQuoted(1));
        assertEquals("s", n.unquoted(0));
        assertEquals("`s`.t", n.toString());
        assertEquals(14, n.start());
        assertEquals(19, n.end());
    }
}
