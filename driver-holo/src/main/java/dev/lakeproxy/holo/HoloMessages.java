package dev.lakeproxy.holo;

import dev.lakeproxy.spi.Messages;

/** The Hologres plugin's message bundle ({@code dev/lakeproxy/holo/messages.properties}). */
final class HoloMessages {

    static final Messages M = Messages.of(HoloMessages.class, "dev.lakeproxy.holo.messages");

    private HoloMessages() {
    }
}
