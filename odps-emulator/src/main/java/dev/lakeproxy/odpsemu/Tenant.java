package dev.lakeproxy.odpsemu;

/**
 * The tenant (the Alibaba Cloud account) as {@code GET /tenants} describes it: its uid and the
 * {@code odps.namespace.schema} default that jobs without the setting resolve names by.
 */
public final class Tenant {

    private final String accountUid;
    private volatile boolean namespaceSchema;

    Tenant(String accountUid, boolean namespaceSchema) {
        this.accountUid = accountUid;
        this.namespaceSchema = namespaceSchema;
    }

    public String accountUid() {
        return accountUid;
    }

    public boolean namespaceSchema() {
        return namespaceSchema;
    }

    void setNamespaceSchema(boolean on) {
        namespaceSchema = on;
    }
}
