package dev.lakeproxy.core.jdbc;

import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.pipeline.StatementPipeline;
import java.util.List;

/** What a connection's wrappers share: its pipeline, the driver's counters, and what happened at connect. */
public final class ConnectionServices {

    final StatementPipeline pipeline;
    final LakeMetrics metrics;
    final WrapperFactory wrappers;
    final String displayUrl;
    final List<String> activePlugins;
    final List<String> connectActions;

    public ConnectionServices(StatementPipeline pipeline, LakeMetrics metrics, WrapperFactory wrappers, String displayUrl,
                              List<String> activePlugins, List<String> connectActions) {
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.wrappers = wrappers;
        this.displayUrl = displayUrl;
        this.activePlugins = List.copyOf(activePlugins);
        this.connectActions = List.copyOf(connectActions);
    }
}
