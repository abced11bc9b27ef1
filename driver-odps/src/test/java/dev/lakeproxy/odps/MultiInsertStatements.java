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

import static dev.lakeproxy.odps.ScatterPropertyTest.RAND;
import static dev.lakeproxy.odps.ScatterPropertyTest.pick;

import java.util.Random;

/**
 * The generator of MultiInsertPropertyTest: shared sources (original, expected scatter form, select
 * list, qualifier) and INSERT branches, with comments and case varied.
 */
final class MultiInsertStatements {

    static final String[] COMMENTS = {
        "",
        " ",
        "\n",
        " /* c */ ",
        " /* multi\nline ) -- */\n",
        " -- a line comment ( ;\n",
        "\n-- INSERT INTO x SELECT 1\n"
    };

    private MultiInsertStatements() {
    }

    /**
     * A shared source: {original, expected rewrite, a select list giving (k, s, v) rows, the
     * qualifier of k}.
     */
    static String[] source(Random r) {
        String c = pick(r, COMMENTS);
        switch (r.nextInt(10)) {
            case 0:
                return new String[] {
                    "src1", "(SELECT * FROM src1" + RAND + ") src1", "k, s, v", ""
                };
            case 1: {
                String alias = pick(r, " a", " AS a", " as a", " /* c */ a");
                return new String[] {
                    "src1" + alias,
                    "(SELECT * FROM src1" + RAND + ")" + alias,
                    pick(r, "a.k, a.s, a.v", "k, s, v"),
                    ""
                };
            }
            case 2:
                return new String[] {
                    "mprop.src1", "(SELECT * FROM mprop.src1" + RAND + ") src1", "k, s, v", ""
                };
            case 3:
                return new String[] {
                    "`src part`",
                    "(SELECT * FROM `src part`" + RAND + ") `src part`",
                    "k, s, 1.0",
                    ""
                };
            case 4: {
                String q = "(SELECT k, s, v FROM src1 WHERE k < " + (10 + r.nextInt(50));
                return new String[] {q + c + ") q", q + RAND + c + ") q", "k, s, v", ""};
            }
            case 5: {
                String q =
                        "(SELECT /*+ MAPJOIN(b) */ a.k, b.w AS s, a.v FROM src1 a"
                                + c
                                + " JOIN src2 b ON a.k = b.k";
                return new String[] {q + ") q", q + RAND + ") q", "k, s, v", ""};
            }
            case 6: {
                String q =
                        "(SELECT k % 7 AS k, max(s) AS s, sum(v) AS v FROM src1 GROUP BY k % 7)"
                                + " g";
                return new String[] {q, q, "k, s, v", ""};
            }
            case 7: {
                String q = "src1 a" + c + " JOIN src2 b ON a.k = b.k";
                return new String[] {q, q, "a.k, b.w, a.v", "a."};
            }
            case 8: {
                String q = "(SELECT `k`, CONCAT(s, ';--)') AS s, v FROM src1 WHERE s <> 'a;b'";
                return new String[] {q + ")" + c + "q", q + RAND + ")" + c + "q", "k, s, v", ""};
            }
            default: {
                String q =
                        "(SELECT k, s, v FROM src1 ORDER BY k DESC LIMIT "
                                + (5 + r.nextInt(40))
                                + ") q";
                return new String[] {q, q, "k, s, v", ""};
            }
        }
    }

    static String branch(Random r, String target, boolean overwrite, String[] src) {
        String k = src[3] + "k";
        return pick(r, "INSERT", "insert")
                + " "
                + (overwrite ? pick(r, "OVERWRITE", "overwrite") : pick(r, "INTO", "into"))
                + pick(r, " TABLE ", " table ")
                + target
                + pick(r, COMMENTS)
                + " "
                + pick(r, "SELECT", "select")
                + " "
                + src[2]
                + pick(
                        r,
                        "",
                        " WHERE " + k + " < 40",
                        " /* w */ WHERE " + k + " % 2 = 0",
                        "\nWHERE " + k + " > 5")
                + pick(r, COMMENTS);
    }

}
