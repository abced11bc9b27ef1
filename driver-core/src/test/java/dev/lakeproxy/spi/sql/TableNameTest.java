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
