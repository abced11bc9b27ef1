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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GenerateForwarding} on a small hierarchy ({@code codegen/forwarding/demo}: Named, not
 * listed, under Shape, under Circle): what it writes, and that a wrapper made of the accessors
 * alone compiles and hands every call to the real object.
 */
class ForwardingProcessorTest {

    private static Compilation compiled;

    @BeforeAll
    static void compile(@TempDir Path work) throws Exception {
        compiled = Compilation.of("/codegen/forwarding", work);
    }

    @Test
    void eachMethodIsADefaultThatCallsTheDelegate() {
        compiled.assertGenerated("demo.ShapeForwarding",
                "public interface ShapeForwarding extends demo.Shape {",
                "demo.Shape shapeDelegate();",
                "@Override default double area() { return shapeDelegate().area(); }",
                "default void reset() { shapeDelegate().reset(); }");
    }

    @Test
    void headersKeepTypeParametersBoundsThrowsAndVarargs() {
        compiled.assertGenerated("demo.ShapeForwarding",
                "default <N extends java.lang.Number & java.lang.Comparable<N>> N scaled(N p0)"
                        + " throws java.io.IOException { return shapeDelegate().scaled(p0); }",
                "default java.lang.String tags(java.lang.String p0, java.lang.String... p1) {"
                        + " return shapeDelegate().tags(p0, p1); }",
                "@SuppressWarnings({\"deprecation\", \"removal\"})",
                "default int legacy()");
    }

    @Test
    void unlistedSuperInterfacesAreForwardedDefaultMethodsIncludedStaticOnesNot() {
        compiled.assertGenerated("demo.ShapeForwarding",
                "default java.lang.String name() { return shapeDelegate().name(); }",
                "default java.lang.String greeting() { return shapeDelegate().greeting(); }");
        assertFalse(compiled.generated("demo.ShapeForwarding").contains("none("),
                "a static method is not the delegate's");
    }

    @Test
    void aListedSuperInterfaceIsExtendedNotForwardedAgain() {
        compiled.assertGenerated("demo.CircleForwarding",
                "public interface CircleForwarding extends demo.Circle, ShapeForwarding {",
                "demo.Circle circleDelegate();",
                "default double radius() { return circleDelegate().radius(); }");
        String circle = compiled.generated("demo.CircleForwarding");
        assertFalse(circle.contains("area()"), "ShapeForwarding forwards it: no competing default");
        assertFalse(circle.contains("name()"));
    }

    @Test
    void aWrapperOfAccessorsHandsEveryCallToTheRealObject() throws Exception {
        assertEquals(List.of("radius", "= 2.0", "area", "= 12.5", "scaled 3", "= 3",
                "tags a [b, c]", "= a2", "reset", "legacy", "= 7", "name", "= c",
                "greeting", "= hi"), compiled.call("demo.Probe", "run", new Class<?>[0]));
    }

    @Test
    void theAccessorIsTheInterfaceNameInCamelCase() {
        compiled.assertGenerated("demo.DBRowForwarding", "demo.DBRow dbRowDelegate();",
                "return dbRowDelegate().id();");
    }
}
