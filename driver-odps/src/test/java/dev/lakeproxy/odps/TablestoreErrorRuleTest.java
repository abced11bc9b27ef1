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
package dev.lakeproxy.odps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.aliyun.odps.Odps;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.jdbc.OdpsConnection;
import dev.lakeproxy.spi.Outcome;
import dev.lakeproxy.testing.StubExecution;
import dev.lakeproxy.testing.StubPluginContext;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tablestore write failures explained for the statement that ran, without a server: the 4 MB batch
 * limit, duplicate primary keys (OTSParameterInvalid) with a de-duplicating query, and a missing
 * Tablestore table named with the external table in front of it; each keeps the SQLState, the
 * vendor code and the original as cause, and is counted.
 */
class TablestoreErrorRuleTest {

    private static final String INTERNAL = "ODPS-0010000:System internal error - ";
    private static final String BATCH_TOO_LARGE = INTERNAL + "Output to TableStore failed with"
            + " exception: TableStore BatchWrite request id 0a1b failed with error code"
            + " OTSParameterInvalid and message:The total data size of BatchWriteRow request"
            + " exceeds the limit";
    private static final String DUPLICATE_KEYS = INTERNAL + "Output to TableStore failed with"
            + " exception: ErrorCode: OTSParameterInvalid, ErrorMessage: The input parameter is"
            + " invalid";
    private static final String MISSING = INTERNAL + "The Tablestore table 'orders_ots' does not"
            + " exist. MaxCompute does not create a Tablestore table: create it in Tablestore"
            + " first";
    private static final String INSERT = "INSERT INTO ots_orders SELECT id, name FROM src";

    private final StubPluginContext context = new StubPluginContext("odps", "jdbc:odps:stub", null);
    private final TableMetaCache cache = new TableMetaCache(100, Duration.ofMinutes(5));
    private final TablestoreErrorRule rule =
            new TablestoreErrorRule(new SessionState(context, offline(), cache));

    /**
     * odps-jdbc's connection reads the project from the server in its constructor: the mock
     * isolates the rule from that, and answers only with an SDK client for project p, which is
     * never called.
     */
    private static OdpsConnection offline() {
        Odps odps = new Odps(new AliyunAccount("id", "key"));
        odps.setDefaultProject("p");
        OdpsConnection real = mock(OdpsConnection.class);
        when(real.getOdps()).thenReturn(odps);
        return real;
    }

    /** ots_orders, an external table over Tablestore table orders_ots with primary key id. */
    private void cacheOrders() {
        Map<String, String> serde = Map.of("tablestore.columns.mapping", ":id,name",
                "tablestore.table.name", "orders_ots");
        List<TableMeta.Col> columns =
                List.of(new TableMeta.Col("id", "BIGINT"), new TableMeta.Col("name", "STRING"));
        cache.put("stub", new TableMeta("p", null, "ots_orders", TableMeta.TABLESTORE_HANDLER,
                serde, Map.of(), columns, List.of()));
    }

    /**
     * The rule's explanation of {@code message} after {@code sql}: SQLState, code and cause kept.
     */
    private String explained(String sql, String message, String kind) {
        SQLException error = new SQLException(message, "42000", 10000);
        SQLException e = rule.onError(new StubExecution(sql, null), error).translated();
        assertNotNull(e, "explained: " + message);
        assertEquals("42000", e.getSQLState());
        assertEquals(10000, e.getErrorCode());
        assertSame(error, e.getCause(), "the original is the cause");
        assertEquals(1, context.count("odps.translated." + kind), kind + " counted");
        return e.getMessage();
    }

    private static void assertHas(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "expected '" + p + "' in: " + message);
        }
    }

    @Test
    void theBatchLimitNamesTheTableAndBothFixes() {
        String m = explained(INSERT, BATCH_TOO_LARGE, "batchTooLarge");
        assertHas(m, "Tablestore table ots_orders", "more than 4 MB", "reduce the row size",
                "fewer rows per batch");
        assertEquals(0, context.count("odps.translated.duplicateRows"),
                "OTSParameterInvalid here is the size, not a duplicate");
    }

    @Test
    void theBatchLimitOutsideAnInsertPointsAtTheCause() {
        assertHas(explained("SELECT 1", BATCH_TOO_LARGE, "batchTooLarge"), "(see the cause)");
    }

    @Test
    void duplicateKeysGiveAQueryThatDeduplicatesByTheKnownPrimaryKey() {
        cacheOrders();
        String m = explained(INSERT, DUPLICATE_KEYS, "duplicateRows");
        assertHas(m, "same primary key (id)", "INSERT INTO ots_orders SELECT id, name FROM"
                + " (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY id) AS lp_rn FROM"
                + " (SELECT id, name FROM src) src) dedup WHERE lp_rn = 1");
    }

    @Test
    void duplicateKeysOfATableNotCachedAreExplainedWithoutAskingTheServer() {
        String m = explained("INSERT INTO ots_orders VALUES (1, 'a'), (1, 'b')", DUPLICATE_KEYS,
                "duplicateRows");
        assertHas(m, "same primary key (<primary key columns>)", "FROM (<your query>) src");
    }

    @Test
    void theErrorIsFoundInTheCauses() {
        SQLException wrapped = new SQLException("Query failed", "42000", 10000,
                new SQLException(DUPLICATE_KEYS));
        SQLException e = rule.onError(new StubExecution(INSERT, null), wrapped).translated();
        assertNotNull(e);
        assertSame(wrapped, e.getCause());
    }

    @Test
    void aMissingTablestoreTableIsNamedWithTheInsertsTarget() {
        assertHas(explained(INSERT, MISSING, "missingTablestoreTable"),
                "The Tablestore table orders_ots behind external table ots_orders, which this"
                        + " INSERT writes, does not exist", "create it first in Tablestore");
    }

    @Test
    void aMissingTablestoreTableIsNamedWithTheTableASelectReads() {
        cacheOrders();
        String m = explained("SELECT id FROM ots_orders WHERE id > 0", MISSING,
                "missingTablestoreTable");
        assertHas(m, "behind external table ots_orders, which this SELECT reads");
    }

    @Test
    void aMissingTablestoreTableIsNamedWithTheTableTheDdlDefines() {
        String ddl = "CREATE EXTERNAL TABLE ots_new (id BIGINT) STORED BY"
                + " 'com.aliyun.odps.TableStoreStorageHandler' WITH SERDEPROPERTIES"
                + " ('tablestore.columns.mapping'=':id', 'tablestore.table.name'='orders_ots')"
                + " LOCATION 'tablestore://i.cn-hangzhou.ots-internal.aliyuncs.com'";
        assertHas(explained(ddl, MISSING, "missingTablestoreTable"),
                "behind external table ots_new, which this CREATE EXTERNAL TABLE defines");
    }

    @Test
    void aMissingTableOtherwiseNamesTheStatement() {
        assertHas(explained("DROP TABLE ots_orders", "OTSObjectNotExist: table not exist",
                "missingTablestoreTable"), "The Tablestore table (see the cause) behind an external"
                + " table this DROP uses");
    }

    @Test
    void otherErrorsAreLeftAlone() {
        Outcome o = rule.onError(new StubExecution(INSERT, null),
                new SQLException("ODPS-0130071:[1,1] Semantic analysis exception - no column"));
        assertSame(Outcome.propagate(), o);
        assertFalse(rule.interested(INSERT), "it acts on errors only");
    }
}
