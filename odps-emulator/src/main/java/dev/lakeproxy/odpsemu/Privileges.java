package dev.lakeproxy.odpsemu;

import dev.lakeproxy.odpsemu.Catalog.Project;

/** The privilege checks of an object: public projects' and Paimon_DLF's. */
public final class Privileges {

    private final Catalog catalog;

    Privileges(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Refuses the job's user a privilege ({@code SELECT}, {@code UPDATE}, {@code CREATE_TABLE},
     * ...) on an object ({@code "TABLE s.t"}, {@code "DATABASE s"}, ...) of a project's schema.
     */
    public void check(
            JobContext ctx, String project, String schema, String privilege, String object) {
        Project p = catalog.project(project);
        PublicProjects.refuseWrite(p, privilege, object);
        if (p == null || !p.isPaimonDlf()) {
            return;
        }
        if (!ctx.user.hasDlfDataPermission()) {
            throw new OdpsSqlException(
                    "ODPS-0130013",
                    "Authorization exception - Forbidden: User "
                            + ctx.user.principal()
                            + " doesn't have privilege "
                            + privilege
                            + " on "
                            + object);
        }
    }
}
