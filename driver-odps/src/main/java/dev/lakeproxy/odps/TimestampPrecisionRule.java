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

import dev.lakeproxy.spi.StatementRule;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * TIMESTAMP parameters of {@code INSERT ... VALUES (?, ...)} truncated by the target column's
 * precision, as Paimon stores them (seed: "precision 0–3 truncates to 3 decimal places, precision
 * 4–6 truncates to 6 decimal places, and precision 7–9 truncates to 9 decimal places"), so the
 * read-back equals the value sent.
 */
final class TimestampPrecisionRule implements StatementRule {

    private static final Logger LOG = Logger.getLogger(TimestampPrecisionRule.class.getName());

    private final SessionState state;
    private final boolean enabled;
    /** Prepared SQL → decimal places per parameter index (0 = not a TIMESTAMP column). */
    private final Map<String, int[]> placesBySql = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
            return size() > 64;
        }
    };

    TimestampPrecisionRule(SessionState state) {
        this.state = state;
        this.enabled = state.context.option(OdpsOptions.TIMESTAMP_TRUNCATION);
    }

    @Override
    public String name() {
        return "odps.timestampPrecision";
    }

    /** Works on parameters only ({@link #bindParameter}), never on the statement text. */
    @Override
    public boolean interested(String sql) {
        return false;
    }

    @Override
    public boolean bindsParameters() {
        return enabled;
    }

    @Override
    public Object bindParameter(String sql, int index, Object value) throws SQLException {
        if (!(value instanceof Timestamp)) {
            return value;
        }
        int[] places;
        synchronized (placesBySql) {
            places = placesBySql.get(sql);
        }
        if (places == null) {
            places = places(sql);
            if (places == null) {
                return value; // no metadata now: this value goes as it is, the next bind asks again
            }
            synchronized (placesBySql) {
                placesBySql.put(sql, places);
            }
        }
        if (index < 1 || index >= places.length || places[index] <= 0) {
            return value;
        }
        Timestamp in = (Timestamp) value;
        Timestamp out = truncate(in, places[index]);
        if (out.getNanos() != in.getNanos()) {
            state.context.counter("odps.timestampsTruncated").increment();
            LOG.log(
                    Level.FINE,
                    "lakeproxy truncated TIMESTAMP parameter {0} to {1} decimal places (Paimon"
                        + " rule)",
                    new Object[] {index, places[index]});
        }
        return out;
    }

    /**
     * The decimal places per parameter; {@code null} when the target's metadata cannot be read now.
     */
    private int[] places(String sql) {
        InsertStatement ins =
                FirstKeyword.of(sql) == FirstKeyword.INSERT ? state.scan(sql).insert() : null;
        if (ins == null || !ins.values) {
            return new int[0];
        }
        java.util.Optional<TableMeta> meta = state.tableMeta(ins.target);
        if (meta == null) {
            return null;
        }
        return meta.map(m -> ParameterColumns.timestampPlaces(ins, m)).orElse(new int[0]);
    }

    static Timestamp truncate(Timestamp in, int places) {
        int unit = (int) Math.pow(10, 9 - places);
        int nanos = in.getNanos() - in.getNanos() % unit;
        if (nanos == in.getNanos()) {
            return in;
        }
        Timestamp out = new Timestamp(in.getTime());
        out.setNanos(nanos);
        return out;
    }
}
