package dev.lakeproxy.core.jdbc;

import dev.lakeproxy.core.Diagnosis;
import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.pipeline.StatementPipeline;
import java.util.List;

/** What a connection's wrappers share: its pipeline, the driver's counters, and what happened at connect. */
public final class ConnectionServices {

    final StatementPipeline pipeline;
    final LakeMetrics metrics;
    final WrapperFactory wrappers;
    final String displayUrl;
    final Diagnosis diagnosis;
    final List<String> activePlugins;
    final List<String> connectActions;

    public ConnectionServices(StatementPipeline pipeline, LakeMetrics metrics, WrapperFactory wrappers, String displayUrl,
                              Diagnosis diagnosis) {
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.wrappers = wrappers;
        this.displayUrl = displayUrl;
        this.diagnosis = diagnosis;
        this.activePlugins = diagnosis.activePlugins();
        this.connectActions = diagnosis.connectActions();
    }

    /** For a connection made without the Connector (unit tests, benchmarks): no plugin to diagnose. */
    public ConnectionServices(StatementPipeline pipeline, LakeMetrics metrics, WrapperFactory wrappers, String displayUrl,
                              List<String> activePlugins, List<String> connectActions) {
        this(pipeline, metrics, wrappers, displayUrl, Diagnosis.none(activePlugins, connectActions));
    }
}
