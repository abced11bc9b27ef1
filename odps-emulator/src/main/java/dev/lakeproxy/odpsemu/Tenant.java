package dev.lakeproxy.odpsemu;

/**
 * The tenant (the Alibaba Cloud account) as {@code GET /tenants} describes it: its uid and the
 * {@code odps.namespace.schema} default that jobs without the setting resolve names by.
 */
final class Tenant {

    private final String accountUid;
    private volatile boolean namespaceSchema;

    Tenant(String accountUid, boolean namespaceSchema) {
        this.accountUid = accountUid;
        this.namespaceSchema = namespaceSchema;
    }

    String accountUid() {
        return accountUid;
    }

    boolean namespaceSchema() {
        return namespaceSchema;
    }

    void setNamespaceSchema(boolean on) {
        namespaceSchema = on;
    }
}
