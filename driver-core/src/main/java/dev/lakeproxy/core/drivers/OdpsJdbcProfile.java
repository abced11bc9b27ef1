package dev.lakeproxy.core.drivers;

import dev.lakeproxy.spi.RealUrl;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** odps-jdbc ({@code jdbc:odps:<endpoint>?project=p}), the MaxCompute driver. */
final class OdpsJdbcProfile implements RealDriverProfile {

    @Override
    public boolean serves(String subprotocol) {
        return subprotocol.equals("odps");
    }

    @Override
    public String driverClassName() {
        return "com.aliyun.odps.jdbc.OdpsDriver";
    }

    /**
     * odps-jdbc takes the AccessKey pair as {@code accessId}/{@code accessKey} (user/password too).
     */
    @Override
    public boolean isSecretParameter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("accessid")
                || n.equals("accesskey")
                || n.equals("sts_token")
                || n.equals("ststoken");
    }

    /** The project is the database; the user is an AccessKey ID, which is not given out. */
    @Override
    public RealUrl parse(String realUrl, Properties properties) {
        Map<String, String> merged = UrlParts.merged(realUrl, properties);
        return new RealUrl(realUrl, merged.getOrDefault("project", ""), "", merged);
    }

    /** The endpoint and the project: metadata caches are per project. */
    @Override
    public String serverKey(String realUrl) {
        String base = UrlParts.withoutUserInfo(UrlParts.base(realUrl));
        String project = UrlParts.parameter(realUrl, "project").map(p -> "#" + p).orElse("");
        return (base + project).toLowerCase(Locale.ROOT);
    }
}
