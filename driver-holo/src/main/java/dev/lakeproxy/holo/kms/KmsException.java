package dev.lakeproxy.holo.kms;

/**
 * KMS could not answer: unreachable, refused, or an answer that is not KMS's. The message holds no
 * secret.
 */
public final class KmsException extends Exception {

    private static final long serialVersionUID = 1L;

    public KmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
