package dev.lakeproxy.odps;

import dev.lakeproxy.spi.sql.SqlText;

/**
 * The one first-keyword dispatch of the plugin: what kind of MaxCompute statement a text is, decided lexically
 * (after blanks and comments) without parsing or allocating. Every rule's {@code interested()} asks here.
 */
enum FirstKeyword {
    INSERT, CREATE, DROP, ALTER, USE_SCHEMA, OTHER;

    /** The kind from the first keyword; {@code SET k=v; ... INSERT} and {@code WITH ... INSERT} are INSERTs. */
    static FirstKeyword of(String sql) {
        int i = SqlText.firstTokenStart(sql);
        if (word(sql, i, "INSERT")) {
            return INSERT;
        }
        if (word(sql, i, "CREATE")) {
            return CREATE;
        }
        if (word(sql, i, "DROP")) {
            return DROP;
        }
        if (word(sql, i, "ALTER")) {
            return ALTER;
        }
        if (word(sql, i, "USE") && SqlText.containsWord(sql, "SCHEMA")) {
            return USE_SCHEMA;
        }
        if ((word(sql, i, "SET") || word(sql, i, "WITH")) && SqlText.containsWord(sql, "INSERT")) {
            return INSERT; // odps-jdbc sends leading SET lines as settings; MaxCompute documents WITH ... INSERT
        }
        return OTHER;
    }

    /** Whether the statement changes table definitions, so cached table metadata must be forgotten after it. */
    boolean isDdl() {
        return this == CREATE || this == DROP || this == ALTER;
    }

    private static boolean word(String sql, int i, String word) {
        int end = i + word.length();
        return sql.regionMatches(true, i, word, 0, word.length())
                && (end >= sql.length() || !(Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'));
    }
}
