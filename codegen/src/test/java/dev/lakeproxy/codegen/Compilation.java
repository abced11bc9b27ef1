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

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One in-process javac run over a folder of test sources (under {@code src/test/resources}), with
 * the two processors, as the build runs them on driver-core: what they generated, and the classes.
 */
final class Compilation {

    private final Path generated;
    private final Path classes;

    private Compilation(Path generated, Path classes) {
        this.generated = generated;
        this.classes = classes;
    }

    /** Compiles every source under resource folder {@code sources}; fails on any error. */
    static Compilation of(String sources, Path work) throws IOException {
        Path generated = Files.createDirectories(work.resolve("generated"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "11", "-d", classes.toString(),
                    "-s", generated.toString(), "-classpath", annotationsPath());
            Iterable<? extends JavaFileObject> units =
                    files.getJavaFileObjectsFromFiles(sourceFiles(sources));
            JavaCompiler.CompilationTask task =
                    javac.getTask(null, files, diagnostics, options, null, units);
            task.setProcessors(List.of(new ForwardingProcessor(), new RoutingProcessor()));
            boolean ok = task.call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
                    .collect(Collectors.toList());
            if (!ok || !errors.isEmpty()) {
                throw new AssertionError("the sources and what was generated must compile: "
                        + errors);
            }
        }
        return new Compilation(generated, classes);
    }

    /** Where the annotations are: the sources need nothing else but the JDK. */
    private static String annotationsPath() {
        try {
            URL here = GenerateForwarding.class.getProtectionDomain().getCodeSource().getLocation();
            return Paths.get(here.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<File> sourceFiles(String folder) throws IOException {
        try (Stream<Path> walk =
                Files.walk(Paths.get(Compilation.class.getResource(folder).toURI()))) {
            return walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile)
                    .collect(Collectors.toList());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts that the source written for {@code qualifiedName} holds each part; runs of white
     * space count as one space, in both.
     */
    void assertGenerated(String qualifiedName, String... parts) {
        String source = generated(qualifiedName).replaceAll("\\s+", " ");
        for (String p : parts) {
            assertTrue(source.contains(p.replaceAll("\\s+", " ")),
                    "expected:\n" + p + "\nin:\n" + generated(qualifiedName));
        }
    }

    /** The source the processors wrote for {@code qualifiedName}. */
    String generated(String qualifiedName) {
        try {
            return Files.readString(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls a public static method of a compiled class and returns what it returned. */
    Object call(String className, String method, Class<?>[] types, Object... args)
            throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                Compilation.class.getClassLoader())) {
            return loader.loadClass(className).getMethod(method, types).invoke(null, args);
        }
    }
}
