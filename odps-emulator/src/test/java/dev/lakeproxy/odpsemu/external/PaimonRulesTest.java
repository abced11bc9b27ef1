package dev.lakeproxy.odpsemu.external;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Paimon's TIMESTAMP truncation by precision, without a server. */
class PaimonRulesTest {

    @Test
    void paimonTimestampTruncation() {
        assertEquals(3, PaimonRules.keptDigits(0));
        assertEquals(3, PaimonRules.keptDigits(3));
        assertEquals(6, PaimonRules.keptDigits(4));
        assertEquals(9, PaimonRules.keptDigits(7));
        assertEquals(
                "2025-01-01 00:00:00.123", PaimonRules.truncate("2025-01-01 00:00:00.123999", 3));
        assertEquals("2025-01-01 00:00:00.1", PaimonRules.truncate("2025-01-01 00:00:00.1", 3));
    }
}
