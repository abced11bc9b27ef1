<#-- META-INF/THIRD-PARTY.txt of a lakeproxy jar, written by license-maven-plugin (add-third-party) with this template. -->
The third-party libraries in this jar, one per line:
<groupId>:<artifactId>:<version> | <license: SPDX identifiers; OR: one of them, AND: all of them> | <name> | <project URL>

The Apache-2.0 text is META-INF/LICENSE. The text of every other license is in
META-INF/licenses/<groupId>/<artifactId>.txt, or META-INF/licenses/<groupId>.txt for a whole group.
The libraries' notices are in META-INF/NOTICE.

<#list dependencyMap as e>
<#assign p = e.getKey()/>
${p.groupId}:${p.artifactId}:${p.version} | ${e.getValue()?join(" AND ")} | ${p.name!p.artifactId} | ${p.url!"-"}
</#list>
