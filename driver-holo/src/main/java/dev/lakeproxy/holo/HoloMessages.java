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

import dev.lakeproxy.spi.Messages;

/** The Hologres plugin's message bundle ({@code dev/lakeproxy/holo/messages.properties}). */
final class HoloMessages {

    static final Messages M = Messages.of(HoloMessages.class, "dev.lakeproxy.holo.messages");

    private HoloMessages() {
    }
}
