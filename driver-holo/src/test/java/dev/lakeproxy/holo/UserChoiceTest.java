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
package dev.lakeproxy.holo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A session's own setting follows PostgreSQL's transaction rules for SET, SET LOCAL and RESET. */
class UserChoiceTest {

    @Test
    void aSetOutsideATransactionStandsAndResetUndoesIt() {
        UserChoice c = new UserChoice();
        c.record(true, true, false);
        assertFalse(c.chosen(), "SET LOCAL outside a transaction changes nothing");
        c.record(true, false, false);
        assertTrue(c.chosen());
        c.record(false, false, false);
        assertFalse(c.chosen());
    }

    @Test
    void aSetInATransactionStandsOnlyIfItCommitsAndSetLocalEndsWithIt() {
        UserChoice c = new UserChoice();
        c.record(true, false, true);
        assertTrue(c.chosen());
        c.transactionEnded(false);
        assertFalse(c.chosen(), "rolled back");
        c.record(true, true, true);
        assertTrue(c.chosen());
        c.transactionEnded(true);
        assertFalse(c.chosen(), "the SET LOCAL ended with its transaction");
        c.record(true, false, true);
        c.transactionEnded(true);
        assertTrue(c.chosen(), "committed");
    }
}
