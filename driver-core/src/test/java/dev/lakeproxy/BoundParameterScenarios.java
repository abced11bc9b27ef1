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
package dev.lakeproxy;

import static dev.lakeproxy.FidelityTranscripts.set;
import static dev.lakeproxy.FidelityTranscripts.transcriptOf;

import dev.lakeproxy.FidelityTranscripts.Scenario;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** API scenarios of the fidelity corpus: one parameter of each common type bound and read back. */
final class BoundParameterScenarios {

    private BoundParameterScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        Object[][] params = {
            {"int4", (Function<PreparedStatement, String>) p -> set(p, x -> x.setInt(1, -42))},
            {
                "int8",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setLong(1, Long.MAX_VALUE))
            },
            {
                "int2",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setShort(1, (short) 7))
            },
            {
                "int2",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setByte(1, (byte) 3))
            },
            {"bool", (Function<PreparedStatement, String>) p -> set(p, x -> x.setBoolean(1, true))},
            {
                "text",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setString(1, "it's ünïcødé ✓"))
            },
            {
                "numeric",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setBigDecimal(1, new BigDecimal("12345.678900")))
            },
            {
                "float8",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setDouble(1, 1.0 / 3))
            },
            {"float4", (Function<PreparedStatement, String>) p -> set(p, x -> x.setFloat(1, 2.5f))},
            {
                "date",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setDate(1, Date.valueOf("2024-02-29")))
            },
            {
                "time",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setTime(1, Time.valueOf("13:14:15")))
            },
            {
                "timestamp",
                (Function<PreparedStatement, String>)
                        p ->
                                set(
                                        p,
                                        x ->
                                                x.setTimestamp(
                                                        1,
                                                        Timestamp.valueOf(
                                                                "2024-02-29 13:14:15.123456")))
            },
            {
                "bytea",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setBytes(1, new byte[] {0, 1, (byte) 255}))
            },
            {
                "text",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setNull(1, Types.VARCHAR))
            },
            {
                "int4",
                (Function<PreparedStatement, String>) p -> set(p, x -> x.setNull(1, Types.INTEGER))
            },
            {
                "date",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setObject(1, LocalDate.of(2020, 1, 2)))
            },
            {
                "timestamp",
                (Function<PreparedStatement, String>)
                        p ->
                                set(
                                        p,
                                        x ->
                                                x.setObject(
                                                        1,
                                                        LocalDateTime.of(
                                                                2020, 1, 2, 3, 4, 5, 6000)))
            },
            {
                "timestamptz",
                (Function<PreparedStatement, String>)
                        p ->
                                set(
                                        p,
                                        x ->
                                                x.setObject(
                                                        1,
                                                        OffsetDateTime.of(
                                                                2020,
                                                                1,
                                                                2,
                                                                3,
                                                                4,
                                                                5,
                                                                0,
                                                                ZoneOffset.UTC)))
            },
            {
                "uuid",
                (Function<PreparedStatement, String>)
                        p ->
                                set(
                                        p,
                                        x ->
                                                x.setObject(
                                                        1,
                                                        UUID.fromString(
                                                                "a0eebc99-9c0b-4ef8-"
                                                                        + "bb6d-6bb9bd380a11")))
            },
            {
                "int4[]",
                (Function<PreparedStatement, String>)
                        p ->
                                set(
                                        p,
                                        x ->
                                                x.setArray(
                                                        1,
                                                        x.getConnection()
                                                                .createArrayOf(
                                                                        "int4",
                                                                        new Integer[] {
                                                                            1, null, 3
                                                                        })))
            },
            {
                "numeric",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setObject(1, "3.14", Types.NUMERIC))
            },
            {
                "int4",
                (Function<PreparedStatement, String>)
                        p -> set(p, x -> x.setString(1, "not a number"))
            },
        };
        for (Object[] row : params) {
            String type = (String) row[0];
            @SuppressWarnings("unchecked")
            Function<PreparedStatement, String> binder =
                    (Function<PreparedStatement, String>) row[1];
            out.add(c -> {
                try (PreparedStatement p = c.prepareStatement("SELECT ?::" + type + " AS v")) {
                    String bound = binder.apply(p);
                    return bound + transcriptOf(p::executeQuery);
                }
            });
        }
        return out;
    }
}
