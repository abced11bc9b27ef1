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
package dev.lakeproxy.odpsemu.complex;

import com.aliyun.odps.type.TypeInfoParser;
import dev.lakeproxy.odpsemu.Catalog;
import dev.lakeproxy.odpsemu.Catalog.Column;
import dev.lakeproxy.odpsemu.Catalog.Table;
import dev.lakeproxy.odpsemu.JobTransaction;
import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.PgErrors;
import dev.lakeproxy.odpsemu.PgTypes;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.util.PGobject;

/**
 * One PostgreSQL composite type per MaxCompute ARRAY/MAP/STRUCT type built in SQL: {@code
 * mc."array<int>" AS (j text)}, {@code j} holding the value's stored JSON form (see {@link
 * ComplexValues}). PostgreSQL then carries the MaxCompute type through CASE, COALESCE, NVL, IF,
 * subqueries and UNION, and reports it as the result column's type, which maps back here.
 */
public final class ComplexCarriers {

    private static final int MAX_PG_NAME = 63;

    private final JobTransaction tx;
    private final Map<String, String> pgNameByType = new HashMap<>();
    private final Map<String, String> typeByPgName = new HashMap<>();

    /**
     * Carriers ever created: numbers their cast functions (never reused, even after a rollback).
     */
    private int created;

    /** @param tx the job's transaction: a carrier made by a failing job goes with it */
    public ComplexCarriers(JobTransaction tx) {
        this.tx = tx;
    }

    /** The SDK's spelling of a complex type ({@code ARRAY<INT>}); refuses what the SDK refuses. */
    static String canonical(String odpsType) {
        try {
            return TypeInfoParser.getTypeInfoFromTypeString(odpsType).getTypeName();
        } catch (RuntimeException e) {
            throw new OdpsSqlException(
                    "ODPS-0130071",
                    "[1,1] Semantic analysis exception - invalid type " + odpsType);
        }
    }

    /** The carrier's PostgreSQL type name (unquoted), creating the type on first use. */
    String ensure(String odpsType) {
        String type = canonical(odpsType);
        String known = pgNameByType.get(type);
        if (known != null) {
            return known;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        int id = created++;
        String name = lower.length() <= MAX_PG_NAME ? lower : "odps_complex_" + id;
        List<String> ddl = CarrierDdl.statements(type, name, id, this::pgTypeOf);
        try {
            for (String statement : ddl) {
                tx.exec(statement);
            }
        } catch (SQLException e) {
            throw PgErrors.translate(e);
        }
        pgNameByType.put(type, name);
        typeByPgName.put(name, type);
        // the type goes with the job's transaction when the job fails
        tx.onRollback(
                () -> {
                    pgNameByType.remove(type);
                    typeByPgName.remove(name);
                });
        return name;
    }

    /** The PostgreSQL type of values of a MaxCompute type: a carrier for a complex one. */
    String pgTypeOf(String odpsType) {
        if (ComplexValues.isComplex(odpsType)) {
            return "mc." + Catalog.quote(ensure(odpsType));
        }
        int paren = odpsType.indexOf('(');
        return paren < 0
                ? PgTypes.pgType(odpsType, null)
                : PgTypes.pgType(
                        odpsType.substring(0, paren),
                        odpsType.substring(paren + 1, odpsType.length() - 1));
    }

    /**
     * A new table's complex columns (created as text) take their carriers, so reading them keeps
     * their type through any expression, as values built in SQL do.
     */
    public void carryColumns(Table t) throws SQLException {
        for (Column c : t.allColumns()) {
            if (ComplexValues.isComplex(c.type)) {
                String carrier = pgTypeOf(c.type);
                String col = Catalog.quote(c.name);
                tx.exec(
                        "ALTER TABLE " + t.pgQualified() + " ALTER COLUMN " + col + " TYPE "
                                + carrier + " USING CAST(ROW(" + col + ") AS " + carrier + ")");
            }
        }
    }

    /** The MaxCompute type of a result column whose PostgreSQL type is a carrier, else null. */
    public String odpsTypeOf(String pgTypeName) {
        String name = pgTypeName;
        if (name.startsWith("\"mc\".") || name.startsWith("mc.")) {
            name = name.substring(name.indexOf('.') + 1);
        }
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return typeByPgName.get(name);
    }

    /** A carrier value read through JDBC as its stored JSON text; other values as they are. */
    public Object unwrap(Object value) {
        if (!(value instanceof PGobject)) {
            return value;
        }
        PGobject o = (PGobject) value;
        if (odpsTypeOf(o.getType()) == null || o.getValue() == null) {
            return value;
        }
        return singleField(o.getValue());
    }

    /** The one field of a composite's text form {@code ("...")}; null for {@code ()}. */
    static String singleField(String record) {
        String s = record.substring(1, record.length() - 1);
        if (s.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        boolean quoted = s.charAt(0) == '"';
        for (int i = quoted ? 1 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                b.append(s.charAt(++i));
            } else if (quoted && c == '"') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else {
                    break;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
