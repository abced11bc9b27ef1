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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What is inside the jars: size, class file versions, and nothing a host application could clash
 * with.
 */
class DriverJarsIT {

    private static final long MB = 1024 * 1024;

    /**
     * Class files up to Java 11 (major 55) outside META-INF/versions, so tools on Java 11 load the
     * jars.
     */
    private static final int JAVA_11 = 55;

    @Test
    void theDriverJarsAreSmallAndTheCliJarCarriesTheStandIns() throws IOException {
        assertTrue(
                Files.size(Jars.hologres()) < 15 * MB,
                "Hologres driver jar: " + Files.size(Jars.hologres()));
        // 24 MB before lakeproxy.credentials: the credential chain and the KMS client (secret:
        // passwords) add 7 MB
        assertTrue(
                Files.size(Jars.maxcompute()) < 32 * MB,
                "MaxCompute driver jar: " + Files.size(Jars.maxcompute()));
        assertTrue(Files.size(Jars.cli()) < 120 * MB, "CLI jar: " + Files.size(Jars.cli()));
    }

    @Test
    void theHologresJarHoldsLakeproxyAndPgjdbcAndRelocatesEverythingElse() throws IOException {
        List<String> foreign =
                classesOutside(Jars.hologres(), "dev/lakeproxy/", "org/postgresql/", "org/slf4j/");
        assertEquals(List.of(), foreign, "every other library is under dev/lakeproxy/shaded");
        assertEquals(
                List.of(),
                classesInside(
                        Jars.hologres(),
                        "dev/lakeproxy/cli/",
                        "dev/lakeproxy/holosim/",
                        "dev/lakeproxy/odps/",
                        "dev/lakeproxy/odpsemu/",
                        "com/aliyun/odps/"),
                "no stand-in, CLI or MaxCompute");
    }

    @Test
    void theMaxComputeJarHoldsLakeproxyAndOdpsJdbcAndRelocatesEverythingElse() throws IOException {
        List<String> foreign =
                classesOutside(
                        Jars.maxcompute(), "dev/lakeproxy/", "com/aliyun/odps/", "org/slf4j/");
        assertEquals(
                List.of(),
                foreign,
                "netty, guava, jackson, arrow... are under dev/lakeproxy/shaded");
        assertEquals(
                List.of(),
                classesInside(
                        Jars.maxcompute(),
                        "dev/lakeproxy/cli/",
                        "dev/lakeproxy/holosim/",
                        "dev/lakeproxy/holo/",
                        "dev/lakeproxy/odpsemu/",
                        "org/postgresql/"),
                "no stand-in, CLI or Hologres");
        assertEquals(
                1,
                classesInside(Jars.maxcompute(), "dev/lakeproxy/shaded/netty/util/Version.class")
                        .size(),
                "one netty");
    }

    @Test
    void everyClassOutsideMetaInfVersionsLoadsOnJava11() throws IOException {
        for (Path jar : List.of(Jars.hologres(), Jars.maxcompute(), Jars.cli())) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().endsWith(".class")
                            && !e.getName().startsWith("META-INF/versions/")) {
                        int major = major(file, e);
                        assertTrue(
                                major <= JAVA_11,
                                jar.getFileName() + ": " + e.getName() + " is major " + major);
                    }
                }
            }
        }
    }

    private static int major(JarFile file, JarEntry e) throws IOException {
        try (InputStream in = file.getInputStream(e);
                DataInputStream data = new DataInputStream(in)) {
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }

    /**
     * Class files (multi-release copies included, by their base name) that are under none of the
     * prefixes.
     */
    private static List<String> classesOutside(Path jar, String... allowed) throws IOException {
        List<String> found = new ArrayList<>();
        for (String name : classes(jar)) {
            if (!startsWithAny(name, allowed)) {
                found.add(name);
            }
        }
        return found.size() > 20 ? found.subList(0, 20) : found;
    }

    private static List<String> classesInside(Path jar, String... prefixes) throws IOException {
        List<String> found = new ArrayList<>();
        for (String name : classes(jar)) {
            if (startsWithAny(name, prefixes)) {
                found.add(name);
            }
        }
        return found.size() > 20 ? found.subList(0, 20) : found;
    }

    private static List<String> classes(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class")) {
                    names.add(
                            name.startsWith("META-INF/versions/")
                                    ? name.replaceFirst("META-INF/versions/\\d+/", "")
                                    : name);
                }
            }
        }
        return names;
    }

    private static boolean startsWithAny(String name, String... prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
