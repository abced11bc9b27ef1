package dev.lakeproxy.odps;

import dev.lakeproxy.spi.Messages;

/** The MaxCompute plugin's message bundle ({@code dev/lakeproxy/odps/messages.properties}). */
final class OdpsMessages {

    static final Messages M = Messages.of(OdpsMessages.class, "dev.lakeproxy.odps.messages");

    private OdpsMessages() {
    }
}
