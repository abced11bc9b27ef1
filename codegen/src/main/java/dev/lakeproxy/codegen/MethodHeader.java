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
package dev.lakeproxy.codegen;

import java.util.List;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the header of a generated default method that overrides {@code m} (parameters named p0,
 * p1, ...).
 */
final class MethodHeader {

    private MethodHeader() {
    }

    /** {@code @Override default <T> R name(A p0, B... p1) throws X} */
    static String of(ProcessingEnvironment env, DeclaredType owner, ExecutableElement m) {
        ExecutableType type = (ExecutableType) env.getTypeUtils().asMemberOf(owner, m);
        StringBuilder src = new StringBuilder("\n    @Override\n    default ");
        if (!m.getTypeParameters().isEmpty()) {
            src.append(m.getTypeParameters().stream().map(MethodHeader::typeParameter)
                    .collect(Collectors.joining(", ", "<", "> ")));
        }
        src.append(type.getReturnType()).append(' ').append(m.getSimpleName()).append('(');
        List<? extends VariableElement> params = m.getParameters();
        List<? extends TypeMirror> paramTypes = type.getParameterTypes();
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                src.append(", ");
            }
            String t = paramTypes.get(i).toString();
            if (m.isVarArgs() && i == params.size() - 1 && t.endsWith("[]")) {
                t = t.substring(0, t.length() - 2) + "...";
            }
            src.append(t).append(" p").append(i);
        }
        src.append(')');
        if (!type.getThrownTypes().isEmpty()) {
            src.append(type.getThrownTypes().stream().map(TypeMirror::toString)
                    .collect(Collectors.joining(", ", " throws ", "")));
        }
        return src.toString();
    }

    static boolean returnsVoid(ExecutableElement m) {
        return m.getReturnType().getKind() == TypeKind.VOID;
    }

    /** {@code p0, p1, ...}, with {@code first} in place of p0 when given. */
    static String arguments(ExecutableElement m, String first) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.getParameters().size(); i++) {
            sb.append(i > 0 ? ", " : "").append(i == 0 && first != null ? first : "p" + i);
        }
        return sb.toString();
    }

    private static String typeParameter(TypeParameterElement p) {
        String bounds = p.getBounds().stream().map(TypeMirror::toString)
                .filter(b -> !b.equals("java.lang.Object")).collect(Collectors.joining(" & "));
        return bounds.isEmpty()
                ? p.getSimpleName().toString()
                : p.getSimpleName() + " extends " + bounds;
    }
}
