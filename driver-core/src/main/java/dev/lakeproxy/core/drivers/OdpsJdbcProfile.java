package dev.lakeproxy.core.drivers;

import java.util.Locale;

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

    /** odps-jdbc takes the AccessKey pair as {@code accessId}/{@code accessKey} (user/password too). */
    @Override
    public boolean isSecretParameter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("accessid") || n.equals("accesskey") || n.equals("sts_token") || n.equals("ststoken");
    }

    /** The endpoint and the project: metadata caches are per project. */
    @Override
    public String serverKey(String realUrl) {
        String base = UrlParts.withoutUserInfo(UrlParts.base(realUrl));
        String project = UrlParts.parameter(realUrl, "project").map(p -> "#" + p).orElse("");
        return (base + project).toLowerCase(Locale.ROOT);
    }
}
