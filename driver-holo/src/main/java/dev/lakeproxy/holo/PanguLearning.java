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
package dev.lakeproxy.holo;

import dev.lakeproxy.spi.ExecutionContext;
import dev.lakeproxy.spi.sql.ParsedStatement;
import dev.lakeproxy.spi.sql.TableName;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the pangu error teaches: the MaxCompute project it names holds encrypted data, for every
 * connection.
 */
final class PanguLearning {

    private static final Logger LOG = Logger.getLogger(PanguLearning.class.getName());

    private PanguLearning() {
    }

    /**
     * Remembers the encrypted project for the instance; returns it ("(unknown)" when not known).
     */
    static String learn(PanguError pangu, ExecutionContext ctx, SessionState state) {
        String project = pangu.project != null ? pangu.project : fromStatement(ctx, state);
        if (project == null) {
            return "(unknown)";
        }
        if (state.instance.learnedEncrypted.add(project)) {
            state.resolver.invalidate(); // the catalog may lack the relation that failed
            ctx.counter("holo.learnedProjects").increment();
            LOG.log(
                    Level.FINE,
                    "learned from the pangu error that MaxCompute project {0} is KMS-encrypted",
                    project);
        }
        return project;
    }

    private static String fromStatement(ExecutionContext ctx, SessionState state) {
        RelationCatalog c = state.resolver.catalog();
        if (c == null) {
            return null;
        }
        for (ParsedStatement p : ctx.analysis().parseEach(ctx.sql())) {
            if (p.tables() != null) {
                for (TableName t : p.tables()) {
                    for (String project : ProjectsReadResolver.projectsRead(c, t, null)) {
                        return project;
                    }
                }
            }
        }
        return null;
    }
}
