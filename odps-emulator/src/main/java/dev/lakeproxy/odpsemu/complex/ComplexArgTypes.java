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

import dev.lakeproxy.odpsemu.OdpsSqlException;
import dev.lakeproxy.odpsemu.PgTypes;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Kind;
import dev.lakeproxy.odpsemu.sql.SqlLexer.Token;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MaxCompute types of the arguments of ARRAY, MAP, STRUCT, NAMED_STRUCT: literals are typed
 * here ({@code 1} INT, {@code 10000000000} BIGINT, {@code 1.5} DOUBLE, {@code 'a'} STRING, ...:
 * the STRUCT page's table), other expressions by PostgreSQL (read from a probe's error, see
 * {@link ComplexExpressions}), and mixed element types are unified.
 */
final class ComplexArgTypes {

    /** The type of a NULL literal: it takes the type of its neighbours. */
    static final String NULL_TYPE = "VOID";

    private static final List<String> NUMERIC_ORDER =
            Arrays.asList("TINYINT", "SMALLINT", "INT", "BIGINT", "DECIMAL", "FLOAT", "DOUBLE");

    private static final Pattern PROBE_ERROR =
            Pattern.compile("function (?:mc\\.)?odps_probe_(\\d+)\\((.*)\\) does not exist");

    private ComplexArgTypes() {}

    /** The type of a literal argument (its significant tokens), or null when it is not one. */
    static String literal(List<Token> sig) {
        if (sig.isEmpty()) {
            return null;
        }
        Token first = sig.get(0);
        if (sig.size() == 2 && (first.isOp("-") || first.isOp("+"))) {
            return sig.get(1).kind == Kind.NUMBER ? number(sig.get(1)) : null;
        }
        if (sig.size() == 2 && first.kind == Kind.WORD && sig.get(1).kind == Kind.STRING) {
            switch (first.value) {
                case "DATE":
                case "DATETIME":
                case "TIMESTAMP":
                    return first.value;
                default:
                    return null;
            }
        }
        if (sig.size() > 1) {
            return cast(sig);
        }
        switch (first.kind) {
            case NUMBER:
                return number(first);
            case STRING:
                return "STRING";
            case WORD:
                if (first.value.equals("TRUE") || first.value.equals("FALSE")) {
                    return "BOOLEAN";
                }
                return first.value.equals("NULL") ? NULL_TYPE : null;
            default:
                return null;
        }
    }

    private static String number(Token t) {
        switch (t.value) {
            case "L":
                return "BIGINT";
            case "BD":
                return "DECIMAL(38,18)";
            case "Y":
                return "TINYINT";
            case "S":
                return "SMALLINT";
            case "F":
                return "FLOAT";
            case "D":
                return "DOUBLE";
            default:
                break;
        }
        String digits = t.text;
        if (digits.contains(".") || digits.contains("e") || digits.contains("E")) {
            return "DOUBLE";
        }
        BigInteger v = new BigInteger(digits);
        if (v.bitLength() < 32) {
            return "INT";
        }
        return v.bitLength() < 64 ? "BIGINT" : "DOUBLE";
    }

    /** {@code CAST(x AS type)} with a primitive target type. */
    private static String cast(List<Token> sig) {
        int n = sig.size();
        if (!sig.get(0).isWord("CAST") || !sig.get(1).isOp("(") || !sig.get(n - 1).isOp(")")) {
            return null;
        }
        int depth = 0;
        int as = -1;
        for (int i = 1; i < n - 1; i++) {
            Token t = sig.get(i);
            depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
            if (depth == 0) {
                return null; // CAST(...) is not the whole argument
            }
            if (depth == 1 && t.isWord("AS")) {
                as = i;
            }
        }
        if (as < 0 || as + 1 >= n - 1 || !PgTypes.isTypeName(sig.get(as + 1).value)) {
            return null;
        }
        StringBuilder type = new StringBuilder();
        for (int i = as + 1; i < n - 1; i++) {
            type.append(sig.get(i).text);
        }
        String t = type.toString().toUpperCase(Locale.ROOT).replace(" ", "");
        return t.equals("INTEGER") ? "INT" : t.equals("DECIMAL") ? "DECIMAL(38,18)" : t;
    }

    /**
     * One type for values that must share one (ARRAY elements, MAP keys, MAP values): numbers
     * widen, numbers and strings meet in STRING (the ARRAY page's example mixes BIGINT and STRING
     * columns and shows STRING elements), NULL takes the others' type.
     */
    static String unify(String function, List<String> types) {
        String out = null;
        for (String t : types) {
            if (t.equals(NULL_TYPE) || t.equals(out)) {
                continue;
            }
            if (out == null) {
                out = t;
            } else if (numericRank(out) >= 0 && numericRank(t) >= 0) {
                out = numericRank(t) > numericRank(out) ? t : out;
            } else if (isStringOrNumber(out) && isStringOrNumber(t)) {
                out = "STRING";
            } else {
                throw new OdpsSqlException(
                        "ODPS-0130071",
                        "[1,1] Semantic analysis exception - function "
                                + function
                                + " needs arguments of one type, got "
                                + out
                                + " and "
                                + t);
            }
        }
        return out == null ? "STRING" : out;
    }

    private static int numericRank(String type) {
        return NUMERIC_ORDER.indexOf(type.startsWith("DECIMAL") ? "DECIMAL" : type);
    }

    private static boolean isStringOrNumber(String type) {
        return type.equals("STRING") || numericRank(type) >= 0;
    }

    /**
     * The call site and argument types named by PostgreSQL's "function odps_probe_N(integer,
     * text) does not exist", or null when the error is another one.
     */
    static Probed probed(String pgMessage, ComplexCarriers carriers) {
        Matcher m = PROBE_ERROR.matcher(pgMessage == null ? "" : pgMessage);
        if (!m.find()) {
            return null;
        }
        List<String> types = new ArrayList<>();
        for (String pg : splitTypeList(m.group(2))) {
            types.add(fromPg(pg, carriers));
        }
        return new Probed(Integer.parseInt(m.group(1)), types);
    }

    static final class Probed {
        final int site;
        final List<String> types;

        Probed(int site, List<String> types) {
            this.site = site;
            this.types = types;
        }
    }

    private static List<String> splitTypeList(String list) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : list.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString().trim());
        }
        return out;
    }

    /** A PostgreSQL type name as the MaxCompute type the emulator stores in it. */
    private static String fromPg(String pg, ComplexCarriers carriers) {
        String carried = carriers.odpsTypeOf(pg);
        if (carried != null) {
            return carried;
        }
        switch (pg) {
            case "integer":
                return "INT";
            case "bigint":
                return "BIGINT";
            case "smallint":
                return "SMALLINT";
            case "real":
                return "FLOAT";
            case "double precision":
                return "DOUBLE";
            case "numeric":
                return "DECIMAL(38,18)";
            case "boolean":
                return "BOOLEAN";
            case "date":
                return "DATE";
            case "timestamp without time zone":
            case "timestamp with time zone":
                return "DATETIME";
            case "mc.ts9":
            case "ts9":
                return "TIMESTAMP"; // see NanoTimestamps
            case "bytea":
                return "BINARY";
            default:
                return "STRING"; // text, character varying, character, unknown
        }
    }
}
