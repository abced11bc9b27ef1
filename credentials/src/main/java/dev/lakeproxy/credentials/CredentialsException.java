package dev.lakeproxy.credentials;

/** No credential could be had. The message comes from the module's bundle and holds no secret. */
public final class CredentialsException extends Exception {

    private static final long serialVersionUID = 1L;

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
