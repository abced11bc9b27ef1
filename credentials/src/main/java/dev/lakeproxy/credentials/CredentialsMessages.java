package dev.lakeproxy.credentials;

import dev.lakeproxy.spi.Messages;

/** This module's message bundle ({@code dev/lakeproxy/credentials/messages.properties}). */
public final class CredentialsMessages {

    public static final Messages M =
            Messages.of(CredentialsMessages.class, "dev.lakeproxy.credentials.messages");

    private CredentialsMessages() {}
}
