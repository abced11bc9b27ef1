package dev.lakeproxy.spi;

import java.util.Properties;

/** The connection about to be opened, as a plugin's {@link LakePlugin#beforeConnect} sees it. */
public interface ConnectRequest {

    /** {@code postgresql}, {@code odps}, ... */
    String subprotocol();

    /** The real driver's URL, without any {@code lakeproxy.*} option. */
    String realUrl();

    /**
     * The real driver's URL and properties as that driver reads them (database, user, parameters).
     */
    RealUrl parsedUrl();

    /** Replaces the real driver's URL. */
    void setRealUrl(String url);

    /** The properties the real driver will receive (a copy the plugin may change). */
    Properties realProperties();

    /**
     * Identifies the server (instance) for per-server caches: scheme, hosts and ports, or endpoint
     * and project.
     */
    String serverKey();

    <T> T option(LakeOption<T> option);

    /** Records what the plugin did, for the FINE log and {@code explain}. Never pass secrets. */
    void note(String action);
}
