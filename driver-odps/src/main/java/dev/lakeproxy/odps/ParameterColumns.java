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

import dev.lakeproxy.odps.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Which column each {@code ?} of an {@code INSERT ... VALUES (?, ...)} fills, read from the
 * statement's tokens.
 */
final class ParameterColumns {

    private ParameterColumns() {
    }

    /**
     * Decimal places of each parameter's TIMESTAMP column, by parameter index from 1 (0: not a
     * TIMESTAMP column).
     */
    static int[] timestampPlaces(InsertStatement ins, TableMeta meta) {
        List<String> names = columnsWritten(ins, meta);
        List<Integer> placesByParam = new ArrayList<>();
        placesByParam.add(0);
        int item = 0;
        int tupleDepth = -1;
        boolean afterValues = false;
        for (Token tok : ins.tokens) {
            if (tok.is("VALUES")) {
                afterValues = true;
            } else if (!afterValues) {
                if (tok.isSymbol('?')) {
                    placesByParam.add(0);
                }
            } else if (tok.isSymbol('(') && tupleDepth < 0) {
                tupleDepth = tok.depth + 1;
                item = 0;
            } else if (tok.isSymbol(')') && tok.depth + 1 == tupleDepth) {
                tupleDepth = -1;
            } else if (tok.isSymbol(',') && tok.depth == tupleDepth) {
                item++;
            } else if (tok.isSymbol('?')) {
                int p =
                        tok.depth == tupleDepth && item < names.size()
                                ? placesOf(meta, names.get(item))
                                : 0;
                placesByParam.add(Math.max(p, 0));
            }
        }
        int[] out = new int[placesByParam.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = placesByParam.get(k);
        }
        return out;
    }

    /**
     * The columns the VALUES tuples fill, in order: the column list, or the table's columns and
     * dynamic partitions.
     */
    private static List<String> columnsWritten(InsertStatement ins, TableMeta meta) {
        List<String> names = new ArrayList<>();
        if (ins.columns != null) {
            names.addAll(ins.columns);
            return names;
        }
        meta.columns.forEach(c -> names.add(c.name));
        for (TableMeta.Col c : meta.partitionColumns) {
            if (ins.partition == null
                    || ins.partition.containsKey(c.name) && ins.partition.get(c.name) == null) {
                names.add(c.name);
            }
        }
        return names;
    }

    private static int placesOf(TableMeta meta, String column) {
        for (TableMeta.Col c : meta.columns) {
            if (c.name.equalsIgnoreCase(column)) {
                return TableMeta.timestampPlaces(c.type);
            }
        }
        return 0;
    }
}
