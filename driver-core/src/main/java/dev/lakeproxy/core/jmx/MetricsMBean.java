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
package dev.lakeproxy.core.jmx;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.lakeproxy.core.LakeMetrics;
import dev.lakeproxy.core.sql.SqlAnalyzer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The counters of one driver instance as a JMX MBean ({@code dev.lakeproxy:type=Driver,id=N}):
 * statements, analysed, rewritten, settings sent, retries, translated errors, plugin counters, and
 * the parse cache's hit rate. Read-only; every attribute is a long, or a double for rates.
 */
public final class MetricsMBean implements DynamicMBean {

    private static final Logger LOG = Logger.getLogger(MetricsMBean.class.getName());

    private final LakeMetrics metrics;
    private final SqlAnalyzer analyzer;

    public MetricsMBean(LakeMetrics metrics, SqlAnalyzer analyzer) {
        this.metrics = metrics;
        this.analyzer = analyzer;
    }

    /**
     * Registers the counters; a JVM that refuses (a security manager, a clash) only loses the
     * MBean.
     */
    public static ObjectName register(LakeMetrics metrics, SqlAnalyzer analyzer, int id) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("dev.lakeproxy:type=Driver,id=" + id);
            if (!server.isRegistered(name)) {
                server.registerMBean(new MetricsMBean(metrics, analyzer), name);
            }
            return name;
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "lakeproxy's JMX MBean could not be registered", e);
            return null;
        }
    }

    private Map<String, Long> counters() {
        return metrics.snapshot();
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        CacheStats stats = analyzer.stats();
        switch (attribute) {
            case "ParseCacheHitRate":
                return stats.hitRate();
            case "ParseCacheHits":
                return stats.hitCount();
            case "ParseCacheMisses":
                return stats.missCount();
            case "ParseCacheSize":
                return analyzer.size();
            default:
                Long v = counters().get(attribute);
                if (v == null) {
                    throw new AttributeNotFoundException(attribute);
                }
                return v;
        }
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList list = new AttributeList();
        for (String a : attributes) {
            try {
                list.add(new Attribute(a, getAttribute(a)));
            } catch (AttributeNotFoundException ignored) {
                // JMX: unknown attributes are left out of the list
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) {
        throw new UnsupportedOperationException("lakeproxy's counters are read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException("no operations");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        List<MBeanAttributeInfo> attrs = new ArrayList<>();
        for (String name : counters().keySet()) {
            attrs.add(
                    new MBeanAttributeInfo(
                            name, "long", "lakeproxy counter " + name, true, false, false));
        }
        attrs.add(
                new MBeanAttributeInfo(
                        "ParseCacheHitRate",
                        "double",
                        "JSqlParser cache hit rate (0..1)",
                        true,
                        false,
                        false));
        attrs.add(
                new MBeanAttributeInfo(
                        "ParseCacheHits", "long", "JSqlParser cache hits", true, false, false));
        attrs.add(
                new MBeanAttributeInfo(
                        "ParseCacheMisses",
                        "long",
                        "JSqlParser cache misses (parses)",
                        true,
                        false,
                        false));
        attrs.add(
                new MBeanAttributeInfo(
                        "ParseCacheSize", "long", "parsed statements cached", true, false, false));
        return new MBeanInfo(
                getClass().getName(),
                "lakeproxy driver counters",
                attrs.toArray(new MBeanAttributeInfo[0]),
                null,
                null,
                null);
    }
}
