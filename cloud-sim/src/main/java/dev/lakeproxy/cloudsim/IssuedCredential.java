package dev.lakeproxy.cloudsim;

import java.time.Instant;

/** A temporary credential the loopback STS issued: what a stand-in must accept until it expires. */
public final class IssuedCredential {

    public final String accessKeyId;
    public final String accessKeySecret;
    public final String securityToken;
    public final Instant expiration;

    /** The role it is a session of. */
    public final String roleArn;

    IssuedCredential(
            String accessKeyId,
            String accessKeySecret,
            String securityToken,
            Instant expiration,
            String roleArn) {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.securityToken = securityToken;
        this.expiration = expiration;
        this.roleArn = roleArn;
    }

    @Override
    public String toString() {
        return "STS credential of " + roleArn + ", expires " + expiration;
    }
}
