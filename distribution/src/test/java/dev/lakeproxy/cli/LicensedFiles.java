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
package dev.lakeproxy.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The files LicensesIT compares: a jar's library entries, the build's third-party jars and
 * lakeproxy's own modules on the test class path, and texts read from jars and files.
 */
final class LicensedFiles {

    private LicensedFiles() {
    }

    /**
     * Entries that come from a library: not lakeproxy's own classes and resources, nor the jar's
     * metadata.
     */
    static boolean fromALibrary(String name) {
        return !name.startsWith("META-INF/")
                && (!name.startsWith("dev/lakeproxy/") || name.startsWith("dev/lakeproxy/shaded/"));
    }

    static String fileName(String entry) {
        return entry.substring(entry.lastIndexOf('/') + 1);
    }

    /**
     * The build's third-party jars on the test class path (all in the local repository), by
     * groupId:artifactId.
     */
    static Map<String, Path> dependencies() {
        Path repo = Path.of(System.getProperty("lakeproxy.repo")).toAbsolutePath().normalize();
        Map<String, Path> found = new TreeMap<>();
        for (Path entry : classPath()) {
            if (entry.startsWith(repo) && entry.toString().endsWith(".jar")) {
                Path relative = repo.relativize(entry);
                int n = relative.getNameCount();
                String artifactId = relative.getName(n - 3).toString();
                String groupId =
                        relative.subpath(0, n - 3).toString().replace(File.separatorChar, '.');
                found.put(groupId + ":" + artifactId, entry);
            }
        }
        return found;
    }

    /**
     * File names of lakeproxy's own modules (the class path entries outside the local repository).
     */
    static Set<String> ownFileNames() throws IOException {
        Path repo = Path.of(System.getProperty("lakeproxy.repo")).toAbsolutePath().normalize();
        Set<String> names = new HashSet<>();
        for (Path entry : classPath()) {
            if (!entry.startsWith(repo)) {
                names.addAll(fileNames(entry));
            }
        }
        return names;
    }

    static List<Path> classPath() {
        String path =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> entries = new ArrayList<>();
        for (String part : path.split(File.pathSeparator)) {
            if (!part.isEmpty()) {
                entries.add(Path.of(part).toAbsolutePath().normalize());
            }
        }
        return entries;
    }

    static Set<String> fileNames(Path jarOrDirectory) throws IOException {
        Set<String> names = new HashSet<>();
        if (Files.isDirectory(jarOrDirectory)) {
            try (Stream<Path> files = Files.walk(jarOrDirectory)) {
                files.filter(Files::isRegularFile)
                        .map(
                                f ->
                                        jarOrDirectory
                                                .relativize(f)
                                                .toString()
                                                .replace(File.separatorChar, '/'))
                        .filter(n -> !n.startsWith("META-INF/"))
                        .forEach(n -> names.add(fileName(n)));
            }
        } else if (Files.isRegularFile(jarOrDirectory)) {
            try (JarFile file = new JarFile(jarOrDirectory.toFile())) {
                file.stream().filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/"))
                        .forEach(e -> names.add(fileName(e.getName())));
            }
        }
        return names;
    }

    static Path jar(String name) {
        switch (name) {
            case "hologres":
                return Jars.hologres();
            case "maxcompute":
                return Jars.maxcompute();
            case "cli":
                return Jars.cli();
            default:
                return fail("no such jar: " + name);
        }
    }

    static String text(JarFile file, String entry) throws IOException {
        JarEntry e = file.getJarEntry(entry);
        if (e == null) {
            return null;
        }
        try (InputStream in = file.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String text(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    static Set<String> first(Set<String> names, int count) {
        Set<String> shown = new TreeSet<>();
        for (String n : names) {
            if (shown.size() == count) {
                break;
            }
            shown.add(n);
        }
        return shown;
    }
}
