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

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.util.List;

/**
 * The {@code DatabaseMetaData} answers that are facts about MaxCompute, each with the page that
 * documents it. odps-jdbc 3.4.2 throws {@code SQLFeatureNotSupportedException} (and logs an ERROR
 * line) for most of these, and gets a few wrong ({@code supportsUnion}, {@code
 * supportsResultSetConcurrency}, the keyword and function lists). docs/maxcompute.md shows this
 * table; a test keeps the two equal.
 */
final class MaxComputeFacts {

    static final String LIMITS =
            "[MaxCompute SQL"
                + " limits](https://www.alibabacloud.com/help/en/maxcompute/maxcompute-sql-limits)";
    static final String OVERVIEW =
            "[MaxCompute SQL overview](https://www.alibabacloud.com/help/doc-detail/27860.htm): "
                    + "a subset of SQL-92, no transactions, primary key constraints or indexes";
    static final String RESERVED =
            "[Reserved words and"
                + " keywords](https://www.alibabacloud.com/help/doc-detail/27872.html)";
    static final String SELECT =
            "[SELECT syntax](https://www.alibabacloud.com/help/doc-detail/73780.htm)";
    static final String NULLS =
            "[SORT_ARRAY](https://www.alibabacloud.com/help/en/maxcompute/sort-array): NULL is the "
                    + "smallest value, as in ORDER BY";
    static final String OPERATORS =
            "[Operators](https://www.alibabacloud.com/help/en/maxcompute/operator)";
    static final String LIKE =
            "[LIKE](https://www.alibabacloud.com/help/en/maxcompute/like-usage): % and _, escaped "
                    + "with a backslash; no ESCAPE clause";
    static final String SUBQUERIES =
            "[Subqueries](https://www.alibabacloud.com/help/en/maxcompute/subqueries): IN, "
                    + "NOT IN, EXISTS, NOT EXISTS, scalar and correlated; no ANY/ALL";
    static final String SETS =
            "[UNION, INTERSECT, EXCEPT](https://www.alibabacloud.com/help/en/maxcompute/user-guide/"
                    + "intersect-union-except-and-minus)";
    static final String ACID =
            "[ACID semantics](https://www.alibabacloud.com/help/en/document_detail/119971.html): "
                    + "no multi-statement transactions";
    static final String MATH =
            "[Mathematical"
                + " functions](https://www.alibabacloud.com/help/en/maxcompute/mathematical-functions)";
    static final String STRINGS =
            "[String functions](https://www.alibabacloud.com/help/en/maxcompute/string-functions)";
    static final String DATES =
            "[Date functions](https://www.alibabacloud.com/help/doc-detail/48974.htm)";
    static final String OTHER =
            "[Other functions](https://help.aliyun.com/knowledge_detail/48976.html)";
    static final String THREE_TIER =
            "[Schemas](https://www.alibabacloud.com/help/en/document_detail/437084.html): "
                    + "project.schema.table";
    static final String JDBC =
            "JDBC: what the driver's result sets and statements do (no updatable, scrollable-"
                    + "sensitive or held cursors; one result per statement; no generated keys)";
    static final String NOT_DOCUMENTED =
            "not documented by MaxCompute: 0 means no known limit (JDBC)";

    static final String KEYWORDS =
            "ANALYZE,ARCHIVE,BUCKET,BUCKETS,CFILE,CHANGE,CLUSTER,CLUSTERED,CLUSTERSTATUS,"
                    + "COLLECTION,COLUMNS,COMPUTE,CONCATENATE,DATA,DATABASE,DATABASES,DATETIME,"
                    + "DBPROPERTIES,DEFERRED,DELIMITED,DIRECTORY,DISABLE,DISTRIBUTE,ENABLE,ESCAPED,"
                    + "EXCLUSIVE,EXPLAIN,EXPORT,EXTENDED,FIELDS,FILEFORMAT,FOLLOWING,FORMAT,"
                    + "FORMATTED,FUNCTIONS,HOLD_DDLTIME,IDXPROPERTIES,IF,INDEX,INDEXES,INPATH,"
                    + "INPUTDRIVER,INPUTFORMAT,ITEMS,KEYS,LIFECYCLE,LIMIT,LINES,LOAD,LOCATION,LOCK,"
                    + "LOCKS,LONG,MAPJOIN,MATERIALIZED,MINUS,MSCK,NO_DROP,OFFLINE,OPTION,"
                    + "OUTPUTDRIVER,OUTPUTFORMAT,OVERWRITE,PARTITIONED,PARTITIONPROPERTIES,"
                    + "PARTITIONS,PERCENT,PLUS,PRECEDING,PRESERVE,PURGE,RCFILE,READONLY,REBUILD,"
                    + "RECORDREADER,RECORDWRITER,REDUCE,REGEXP,RENAME,REPAIR,REPLACE,RESTRICT,"
                    + "RLIKE,SCHEMAS,SEMI,SEQUENCEFILE,SERDE,SERDEPROPERTIES,SHARED,SHOW,"
                    + "SHOW_DATABASE,SORT,SORTED,SSL,STATISTICS";
    static final String NUMERIC =
            "ABS,ACOS,ASIN,ATAN,ATAN2,BIN,BIT_COUNT,CBRT,CEIL,CONV,CORR,COS,COSH,COT,DEGREES,E,EXP,"
                    + "FACTORIAL,FLOOR,FORMAT_NUMBER,GREATEST,HEX,ISNAN,LEAST,LN,LOG,LOG10,LOG2,"
                    + "NEGATIVE,PI,POSITIVE,POW,RADIANS,RAND,ROUND,SHIFTLEFT,SHIFTRIGHT,"
                    + "SHIFTRIGHTUNSIGNED,SIGN,SIN,SINH,SQRT,TAN,TANH,TRUNC,UNHEX,WIDTH_BUCKET";
    static final String STRING_FUNCTIONS =
            "ASCII,CHAR_MATCHCOUNT,CHR,CONCAT,CONCAT_WS,DECODE,ENCODE,FIND_IN_SET,FORMAT_NUMBER,"
                    + "FROM_CHARSET,FROM_JSON,GET_JSON_OBJECT,INITCAP,INSTR,IS_ENCODING,JSON_TUPLE,"
                    + "KEYVALUE,KEYVALUE_TUPLE,LENGTH,LENGTHB,LOCATE,LPAD,LTRIM,MASK_HASH,MD5,"
                    + "PARSE_URL,PARSE_URL_TUPLE,REGEXP_COUNT,REGEXP_EXTRACT,REGEXP_EXTRACT_ALL,"
                    + "REGEXP_INSTR,REGEXP_REPLACE,REGEXP_SUBSTR,REPEAT,REPLACE,REVERSE,RPAD,RTRIM,"
                    + "SOUNDEX,SPACE,SPLIT,SPLIT_PART,SUBSTR,SUBSTRING,SUBSTRING_INDEX,TO_CHAR,"
                    + "TO_JSON,TOLOWER,TOUPPER";
    static final String DATE_FUNCTIONS =
            "ADD_MONTHS,CURRENT_TIMESTAMP,CURRENT_TIMEZONE,DATE_ADD,DATEADD,DATE_FORMAT,DATE_SUB,"
                    + "DATEDIFF,DATEPART,DATETRUNC,DAY,DAYOFMONTH,DAYOFWEEK,DAYOFYEAR,EXTRACT,"
                    + "FROM_UNIXTIME,FROM_UTC_TIMESTAMP,GETDATE,HOUR,ISDATE,LAST_DAY,LASTDAY,"
                    + "MINUTE,MONTH,MONTHS_BETWEEN,NEXT_DAY,NOW,QUARTER,SECOND,TO_CHAR,TO_DATE,"
                    + "TO_MILLIS,TRUNC_TIME,UNIX_TIMESTAMP,WEEKDAY,WEEKOFYEAR,YEAR";
    static final String SYSTEM_FUNCTIONS =
            "BASE64,CAST,COALESCE,CRC32,GET_USER_ID,HASH,IF,MAX_PT,NULLIF,NVL,"
                    + "PARTITION_EXISTS,SHA1,SHA2,TABLE_EXISTS,UNBASE64,UNIQUE_ID,UUID";

    private MaxComputeFacts() {
    }

    /** The table docs/maxcompute.md shows (Markdown): method, answer, source. */
    static String markdownTable() {
        StringBuilder sb =
                new StringBuilder("| method | lakeproxy's answer | source |\n|---|---|---|\n");
        for (Fact f : ALL) {
            sb.append("| `")
                    .append(f.method)
                    .append("` | ")
                    .append(f.shown.replace("|", "\\|"))
                    .append(" | ")
                    .append(f.source.replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.toString();
    }

    static final List<Fact> ALL =
            List.of(
                    Fact.of("allProceduresAreCallable", false, OVERVIEW),
                    Fact.of("allTablesAreSelectable", true, JDBC),
                    Fact.of("isReadOnly", false, JDBC),
                    Fact.of("nullsAreSortedHigh", false, NULLS),
                    Fact.of("nullsAreSortedLow", true, NULLS),
                    Fact.of("nullsAreSortedAtStart", false, NULLS),
                    Fact.of("nullsAreSortedAtEnd", false, NULLS),
                    Fact.of("usesLocalFiles", false, JDBC),
                    Fact.of("usesLocalFilePerTable", false, JDBC),
                    Fact.of(
                            "supportsMixedCaseIdentifiers",
                            false,
                            LIMITS + ": names are case-insensitive"),
                    Fact.of(
                            "storesUpperCaseIdentifiers",
                            false,
                            LIMITS + ": names are case-insensitive"),
                    Fact.of(
                            "storesLowerCaseIdentifiers",
                            true,
                            LIMITS + ": names are case-insensitive"),
                    Fact.of(
                            "storesMixedCaseIdentifiers",
                            false,
                            LIMITS + ": names are case-insensitive"),
                    Fact.of(
                            "supportsMixedCaseQuotedIdentifiers",
                            false,
                            RESERVED + ": a backquoted name is still a name"),
                    Fact.of(
                            "storesUpperCaseQuotedIdentifiers",
                            false,
                            RESERVED + ": a backquoted name is still a name"),
                    Fact.of(
                            "storesLowerCaseQuotedIdentifiers",
                            true,
                            RESERVED + ": a backquoted name is still a name"),
                    Fact.of(
                            "storesMixedCaseQuotedIdentifiers",
                            false,
                            RESERVED + ": a backquoted name is still a name"),
                    Fact.of("getIdentifierQuoteString", "`", RESERVED),
                    Fact.of("getSQLKeywords", KEYWORDS, RESERVED + ", less the SQL:2003 keywords"),
                    Fact.of("getNumericFunctions", NUMERIC, MATH),
                    Fact.of("getStringFunctions", STRING_FUNCTIONS, STRINGS),
                    Fact.of("getTimeDateFunctions", DATE_FUNCTIONS, DATES),
                    Fact.of("getSystemFunctions", SYSTEM_FUNCTIONS, OTHER),
                    Fact.of(
                            "getSearchStringEscape",
                            "\\",
                            LIKE + "; metadata patterns take the same escape"),
                    Fact.of(
                            "getExtraNameCharacters",
                            "",
                            LIMITS + ": letters, digits and underscores"),
                    Fact.of("nullPlusNonNullIsNull", true, OPERATORS),
                    Fact.of("supportsConvert", false, OVERVIEW + "; no {fn CONVERT} escape"),
                    Fact.of("supportsTableCorrelationNames", true, SELECT),
                    Fact.of("supportsDifferentTableCorrelationNames", false, SELECT),
                    Fact.of(
                            "supportsExpressionsInOrderBy",
                            false,
                            SELECT + ": ORDER BY names output columns"),
                    Fact.of(
                            "supportsOrderByUnrelated",
                            false,
                            SELECT + ": ORDER BY names output columns"),
                    Fact.of("supportsGroupByUnrelated", true, SELECT),
                    Fact.of("supportsGroupByBeyondSelect", true, SELECT),
                    Fact.of("supportsLikeEscapeClause", false, LIKE),
                    Fact.of("supportsMultipleTransactions", true, ACID),
                    Fact.of("supportsMinimumSQLGrammar", true, OVERVIEW),
                    Fact.of("supportsCoreSQLGrammar", false, OVERVIEW),
                    Fact.of("supportsExtendedSQLGrammar", false, OVERVIEW),
                    Fact.of("supportsANSI92EntryLevelSQL", false, OVERVIEW),
                    Fact.of("supportsANSI92IntermediateSQL", false, OVERVIEW),
                    Fact.of("supportsANSI92FullSQL", false, OVERVIEW),
                    Fact.of("isCatalogAtStart", true, THREE_TIER),
                    Fact.of("supportsSubqueriesInComparisons", true, SUBQUERIES),
                    Fact.of("supportsSubqueriesInExists", true, SUBQUERIES),
                    Fact.of("supportsSubqueriesInIns", true, SUBQUERIES),
                    Fact.of("supportsSubqueriesInQuantifieds", false, SUBQUERIES),
                    Fact.of("supportsCorrelatedSubqueries", true, SUBQUERIES),
                    Fact.of("supportsUnion", true, SETS),
                    Fact.of("supportsUnionAll", true, SETS),
                    Fact.of("supportsOpenCursorsAcrossCommit", false, ACID),
                    Fact.of("supportsOpenCursorsAcrossRollback", false, ACID),
                    Fact.of("supportsOpenStatementsAcrossCommit", true, ACID),
                    Fact.of("supportsOpenStatementsAcrossRollback", true, ACID),
                    Fact.of("getMaxColumnNameLength", 128, LIMITS),
                    Fact.of("getMaxColumnsInTable", 1200, LIMITS),
                    Fact.of(
                            "getMaxStatementLength",
                            2 * 1024 * 1024,
                            LIMITS + ": SQL text at most 2 MB"),
                    Fact.of("getMaxTableNameLength", 128, LIMITS),
                    Fact.of("getMaxBinaryLiteralLength", 0, NOT_DOCUMENTED),
                    Fact.of("getMaxCharLiteralLength", 0, NOT_DOCUMENTED),
                    Fact.of("getMaxColumnsInGroupBy", 0, NOT_DOCUMENTED),
                    Fact.of("getMaxColumnsInIndex", 0, OVERVIEW + " (no indexes)"),
                    Fact.of("getMaxColumnsInOrderBy", 0, NOT_DOCUMENTED),
                    Fact.of("getMaxColumnsInSelect", 0, NOT_DOCUMENTED),
                    Fact.of("getMaxConnections", 0, NOT_DOCUMENTED),
                    Fact.of("getMaxCursorNameLength", 0, JDBC + " (no named cursors)"),
                    Fact.of("getMaxIndexLength", 0, OVERVIEW + " (no indexes)"),
                    Fact.of("getMaxProcedureNameLength", 0, OVERVIEW + " (no stored procedures)"),
                    Fact.of("getMaxRowSize", 0, NOT_DOCUMENTED),
                    Fact.of("doesMaxRowSizeIncludeBlobs", false, NOT_DOCUMENTED),
                    Fact.of("getMaxStatements", 0, NOT_DOCUMENTED),
                    Fact.of("getMaxTablesInSelect", 0, NOT_DOCUMENTED),
                    Fact.of("getMaxUserNameLength", 0, NOT_DOCUMENTED),
                    Fact.of("getDefaultTransactionIsolation", Connection.TRANSACTION_NONE, ACID),
                    Fact.of("supportsTransactions", false, ACID),
                    Fact.of(
                            "supportsTransactionIsolationLevel",
                            args -> (int) args[0] == Connection.TRANSACTION_NONE,
                            "true for TRANSACTION_NONE only",
                            ACID),
                    Fact.of("ownUpdatesAreVisible", false, JDBC),
                    Fact.of("ownDeletesAreVisible", false, JDBC),
                    Fact.of("ownInsertsAreVisible", false, JDBC),
                    Fact.of("othersUpdatesAreVisible", false, JDBC),
                    Fact.of("othersDeletesAreVisible", false, JDBC),
                    Fact.of("othersInsertsAreVisible", false, JDBC),
                    Fact.of("updatesAreDetected", false, JDBC),
                    Fact.of("deletesAreDetected", false, JDBC),
                    Fact.of("insertsAreDetected", false, JDBC),
                    Fact.of(
                            "supportsResultSetType",
                            args -> (int) args[0] != ResultSet.TYPE_SCROLL_SENSITIVE,
                            "true for TYPE_FORWARD_ONLY and TYPE_SCROLL_INSENSITIVE",
                            JDBC),
                    Fact.of(
                            "supportsResultSetConcurrency",
                            args ->
                                    (int) args[0] != ResultSet.TYPE_SCROLL_SENSITIVE
                                            && (int) args[1] == ResultSet.CONCUR_READ_ONLY,
                            "true for CONCUR_READ_ONLY with a supported type",
                            JDBC),
                    Fact.of(
                            "supportsResultSetHoldability",
                            args -> (int) args[0] == ResultSet.CLOSE_CURSORS_AT_COMMIT,
                            "true for CLOSE_CURSORS_AT_COMMIT only",
                            JDBC),
                    Fact.of("getResultSetHoldability", ResultSet.CLOSE_CURSORS_AT_COMMIT, JDBC),
                    Fact.of("supportsNamedParameters", false, JDBC),
                    Fact.of("supportsMultipleOpenResults", false, JDBC),
                    Fact.of("supportsMultipleResultSets", false, JDBC),
                    Fact.of("supportsGetGeneratedKeys", false, JDBC),
                    Fact.of("generatedKeyAlwaysReturned", false, JDBC),
                    Fact.of(
                            "getSQLStateType",
                            DatabaseMetaData.sqlStateSQL,
                            JDBC + " (SQLStates of SQL:2003)"),
                    Fact.of("locatorsUpdateCopy", false, JDBC + " (no LOB locators)"),
                    Fact.of("supportsStatementPooling", false, JDBC),
                    Fact.of("getRowIdLifetime", RowIdLifetime.ROWID_UNSUPPORTED, OVERVIEW),
                    Fact.of(
                            "supportsStoredFunctionsUsingCallSyntax",
                            false,
                            OVERVIEW + " (no stored procedures)"),
                    Fact.of("autoCommitFailureClosesAllResultSets", false, ACID));
}
