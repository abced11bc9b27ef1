package dev.lakeproxy.core.pipeline;

import java.sql.SQLWarning;

/** Where the SQLWarning about what lakeproxy did to a statement goes: the statement's wrapper. */
@FunctionalInterface
public interface WarningTarget {

    /** Ignores warnings (for callers that have no statement, such as {@code explain}). */
    WarningTarget NONE = warning -> { };

    void warn(SQLWarning warning);
}
