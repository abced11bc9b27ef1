/*
 * Copyright The lakeproxy developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.lakeproxy.core.jdbc;

import dev.lakeproxy.core.Diagnosis;
import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.pipeline.StatementPipeline;
import java.sql.SQLWarning;
import java.util.List;

/**
 * What a connection's wrappers share: its pipeline, the driver's counters, and what happened at
 * connect.
 */
public final class ConnectionServices {

    final StatementPipeline pipeline;
    final LakeMetrics metrics;
    final WrapperFactory wrappers;
    final String displayUrl;
    final Diagnosis diagnosis;
    final List<String> activePlugins;
    final List<String> connectActions;
    /** What the plugins told the user at connect; cleared by {@code clearWarnings}. */
    volatile List<String> connectWarnings = List.of();

    public ConnectionServices(
            StatementPipeline pipeline,
            LakeMetrics metrics,
            WrapperFactory wrappers,
            String displayUrl,
            Diagnosis diagnosis) {
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.wrappers = wrappers;
        this.displayUrl = displayUrl;
        this.diagnosis = diagnosis;
        this.activePlugins = diagnosis.activePlugins();
        this.connectActions = diagnosis.connectActions();
    }

    /** The warnings the connection starts with (shown by {@code Connection.getWarnings()}). */
    public void connectWarnings(List<String> warnings) {
        connectWarnings = List.copyOf(warnings);
    }

    /** The warnings told at connect, chained in front of the real driver's. */
    SQLWarning connectWarningsBefore(SQLWarning fromDriver) {
        List<String> mine = connectWarnings;
        SQLWarning first = null;
        for (int i = mine.size() - 1; i >= 0; i--) {
            SQLWarning w = new SQLWarning(mine.get(i), "01000");
            w.setNextWarning(first != null ? first : fromDriver);
            first = w;
        }
        return first != null ? first : fromDriver;
    }

    /**
     * For a connection made without the Connector (unit tests, benchmarks): no plugin to diagnose.
     */
    public ConnectionServices(
            StatementPipeline pipeline,
            LakeMetrics metrics,
            WrapperFactory wrappers,
            String displayUrl,
            List<String> activePlugins,
            List<String> connectActions) {
        this(
                pipeline,
                metrics,
                wrappers,
                displayUrl,
                Diagnosis.none(activePlugins, connectActions));
    }
}
