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
package dev.lakeproxy.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lakeproxy.core.options.CoreOptions;
import dev.lakeproxy.core.options.OptionRegistry;
import dev.lakeproxy.core.options.OptionValues;
import dev.lakeproxy.spi.Check;
import dev.lakeproxy.spi.DiagnosisContext;
import dev.lakeproxy.spi.LakePlugin;
import dev.lakeproxy.spi.PluginContext;
import dev.lakeproxy.spi.RealUrl;
import dev.lakeproxy.spi.SessionPlugin;
import dev.lakeproxy.testing.StubJdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What {@code doctor} asks of each plugin that serves the driver: every one is asked, told whether
 * it is active, given the connection's options and URL; one that fails to diagnose itself becomes
 * one failed check, never a crash of the others.
 */
class DiagnosisTest {

    private final Connection lake = new StubJdbc(sql -> null).connection();
    private final Connection real = new StubJdbc(sql -> null).connection();
    private final RealUrl url = new RealUrl("jdbc:postgresql://h/sales", "sales", "u", Map.of());

    /** A plugin whose diagnosis is {@code diagnose}; it never activates. */
    private static LakePlugin plugin(String name,
                                     Function<DiagnosisContext, List<Check>> diagnose) {
        return new LakePlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean serves(String subprotocol) {
                return true;
            }

            @Override
            public SessionPlugin activate(PluginContext context) {
                return null;
            }

            @Override
            public List<Check> diagnose(DiagnosisContext context) {
                return diagnose.apply(context);
            }
        };
    }

    /** One OK check that says what the plugin was told. */
    private LakePlugin reporting(String name) {
        return plugin(name, ctx -> List.of(Check.ok(name, "active=" + ctx.active()
                + " database=" + ctx.realUrl().database()
                + " warnings=" + ctx.option(CoreOptions.WARNINGS)
                + " actions=" + ctx.connectActions()
                + " connections=" + (ctx.connection() == lake && ctx.realConnection() == real))));
    }

    private Diagnosis diagnosis(List<LakePlugin> candidates, List<String> active)
            throws SQLException {
        OptionValues options = OptionValues.parse(OptionRegistry.of(candidates),
                Map.of("lakeproxy.warnings", "false"));
        return new Diagnosis(candidates, active, options, url, List.of("routing applied"));
    }

    @Test
    void eachPluginIsToldWhetherItIsActiveWithTheConnectionsOptionsAndUrl() throws SQLException {
        List<Check> checks = diagnosis(List.of(reporting("on"), reporting("off")), List.of("on"))
                .run(lake, real);
        assertEquals(List.of(
                "OK on: active=true database=sales warnings=false actions=[routing applied]"
                        + " connections=true",
                "OK off: active=false database=sales warnings=false actions=[routing applied]"
                        + " connections=true"),
                checks.stream().map(Check::toString).collect(Collectors.toList()));
    }

    @Test
    void aPluginThatFailsToDiagnoseIsOneFailedCheckAndTheOthersStillRun() throws SQLException {
        LakePlugin buggy = plugin("buggy", ctx -> {
            throw new IllegalStateException("a bug in the plugin");
        });
        LakePlugin clash = plugin("clash", ctx -> {
            throw new NoClassDefFoundError("a clash of jars");
        });
        List<Check> checks = diagnosis(List.of(buggy, clash, reporting("fine")),
                List.of("buggy", "fine")).run(lake, real);
        assertEquals(3, checks.size());
        for (Check failed : checks.subList(0, 2)) {
            assertEquals(Check.Status.FAIL, failed.status(), failed.toString());
            assertTrue(failed.detail().contains("could not finish its checks"), failed.detail());
            assertTrue(failed.fix().contains("lakeproxy --version"), failed.fix());
        }
        assertEquals("buggy", checks.get(0).name());
        assertTrue(checks.get(0).detail().contains("IllegalStateException: a bug in the plugin"));
        assertTrue(checks.get(1).detail().contains("NoClassDefFoundError: a clash of jars"));
        assertEquals(Check.Status.OK, checks.get(2).status(), "the next plugin still ran");
    }

    @Test
    void aConnectionMadeWithoutTheConnectorHasNothingToDiagnose() {
        Diagnosis none = Diagnosis.none(List.of("holo"), List.of());
        assertEquals(List.of(), none.run(lake, real));
        assertEquals(List.of("holo"), none.activePlugins());
    }
}
