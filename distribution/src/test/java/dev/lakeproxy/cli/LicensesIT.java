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

import static dev.lakeproxy.cli.LicensedFiles.dependencies;
import static dev.lakeproxy.cli.LicensedFiles.fileName;
import static dev.lakeproxy.cli.LicensedFiles.fileNames;
import static dev.lakeproxy.cli.LicensedFiles.first;
import static dev.lakeproxy.cli.LicensedFiles.jar;
import static dev.lakeproxy.cli.LicensedFiles.ownFileNames;
import static dev.lakeproxy.cli.LicensedFiles.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a legal review asks of the three jars: each lists the libraries it bundles
 * (META-INF/THIRD-PARTY.txt, written by license-maven-plugin from src/license/&lt;jar&gt;.filters),
 * the list matches what is really inside, every license named there is one this test knows, and its
 * text is in the jar: the Apache License 2.0 as META-INF/LICENSE, any other in
 * META-INF/licenses/&lt;groupId&gt;/&lt;artifactId&gt;.txt or
 * META-INF/licenses/&lt;groupId&gt;.txt. The notices are merged into META-INF/NOTICE.
 */
class LicensesIT {

    /**
     * The licenses a review has accepted, each with sentences its text contains. A library under
     * any other license fails here until someone has read that license and added it.
     */
    private static final Map<String, List<String>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put(
                "Apache-2.0",
                List.of(
                        "Apache License",
                        "Version 2.0, January 2004",
                        "END OF TERMS AND CONDITIONS"));
        KNOWN.put(
                "MIT",
                List.of(
                        "Permission is hereby granted, free of charge, to any person obtaining a"
                            + " copy"));
        KNOWN.put("BSD-2-Clause", List.of("Redistribution and use in source and binary forms"));
        KNOWN.put("BSD-3-Clause", List.of("Redistribution and use in source and binary forms",
                "to endorse or promote products derived"));
        KNOWN.put(
                "EDL-1.0",
                List.of("Redistribution and use in source and binary forms", "Eclipse Foundation"));
        KNOWN.put(
                "CDDL-1.0",
                List.of("COMMON DEVELOPMENT AND DISTRIBUTION LICENSE (CDDL)", "Version 1.0"));
        KNOWN.put(
                "CDDL-1.1",
                List.of("COMMON DEVELOPMENT AND DISTRIBUTION LICENSE (CDDL)", "Version 1.1"));
        KNOWN.put(
                "GPL-2.0-with-classpath-exception",
                List.of("GNU General Public License (GPL) Version 2, June 1991", "Classpath"));
        KNOWN.put("EPL-1.0", List.of("Eclipse Public License - v 1.0"));
        KNOWN.put(
                "LGPL-2.1",
                List.of("GNU LESSER GENERAL PUBLIC LICENSE", "Version 2.1, February 1999"));
        KNOWN.put("LGPL", List.of("GNU LESSER GENERAL PUBLIC LICENSE"));
        KNOWN.put(
                "xpp",
                List.of("Indiana University Extreme! Lab Software License", "Version 1.1.1"));
        KNOWN.put(
                "0BSD",
                List.of(
                        "Permission to use, copy, modify, and/or distribute this software for any"
                            + " purpose with or without fee is hereby granted."));
        KNOWN.put(
                "PostgreSQL",
                List.of(
                        "Permission to use, copy, modify, and distribute this software and its"
                                + " documentation for any purpose, without fee"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hologres", "maxcompute", "cli"})
    void everyBundledLibraryIsListedWithItsLicenseAndTheLicenseTextIsInTheJar(String name)
            throws IOException {
        Path jar = jar(name);
        try (JarFile file = new JarFile(jar.toFile())) {
            List<Library> listed = listing(file);
            assertFalse(listed.isEmpty(), jar + ": META-INF/THIRD-PARTY.txt lists nothing");
            List<String> problems = new ArrayList<>();
            for (Library library : listed) {
                for (String license : library.licenses()) {
                    problems.addAll(licenseProblems(file, library, license));
                }
            }
            assertEquals(List.of(), problems, jar.getFileName() + ": licenses");
            String notice = text(file, "META-INF/NOTICE");
            assertNotNull(notice, "META-INF/NOTICE");
            assertTrue(
                    notice.contains("lakeproxy") && notice.contains("The lakeproxy developers"),
                    notice);
            assertEquals(
                    text(Path.of(System.getProperty("lakeproxy.root")).resolve("LICENSE")),
                    text(file, "META-INF/LICENSE"),
                    "META-INF/LICENSE is lakeproxy's LICENSE");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hologres", "maxcompute", "cli"})
    void theListingIsWhatTheJarHolds(String name) throws IOException {
        Path jar = jar(name);
        Map<String, Path> dependencies = dependencies();
        Set<String> inJar = new HashSet<>();
        List<String> jarFiles = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Library library : listing(file)) {
                assertTrue(
                        dependencies.containsKey(library.coordinates()),
                        jar.getFileName()
                                + " lists "
                                + library.coordinates()
                                + ", which is no dependency of the build");
            }
            file.stream()
                    .filter(e -> !e.isDirectory())
                    .map(JarEntry::getName)
                    .filter(LicensedFiles::fromALibrary)
                    .forEach(
                            n -> {
                                jarFiles.add(n);
                                inJar.add(fileName(n));
                            });
            Set<String> accounted = new HashSet<>(ownFileNames());
            List<String> listedButAbsent = new ArrayList<>();
            for (Library library : listing(file)) {
                Set<String> names = fileNames(dependencies.get(library.coordinates()));
                accounted.addAll(names);
                long present = names.stream().filter(inJar::contains).count();
                // A library counts as bundled when a fifth of its file names are in the jar (a jar
                // may leave part of a
                // library out: the CLI jar keeps only com.sun.activation of
                // javax.activation:activation).
                if (names.isEmpty() || present * 5 < names.size()) {
                    listedButAbsent.add(
                            library.coordinates()
                                    + " ("
                                    + present
                                    + " of "
                                    + names.size()
                                    + " files)");
                }
            }
            assertEquals(
                    List.of(),
                    listedButAbsent,
                    jar.getFileName()
                            + ": listed in META-INF/THIRD-PARTY.txt but not inside"
                            + " (src/license/"
                            + name
                            + ".filters and the shade execution disagree)");
            Set<String> unlisted = new TreeSet<>();
            for (String n : jarFiles) {
                if (!accounted.contains(fileName(n))) {
                    unlisted.add(n);
                }
            }
            assertEquals(
                    Set.of(),
                    first(unlisted, 20),
                    jar.getFileName()
                            + ": files from a library missing from"
                            + " META-INF/THIRD-PARTY.txt (add it to src/license/"
                            + name
                            + ".filters)");
        }
    }

    /**
     * One line of META-INF/THIRD-PARTY.txt: groupId:artifactId:version | license expression | name
     * | URL.
     */
    private static final class Library {
        final String groupId;
        final String artifactId;
        final String expression;

        Library(String groupId, String artifactId, String expression) {
            this.groupId = groupId;
            this.artifactId = artifactId;
            this.expression = expression;
        }

        String coordinates() {
            return groupId + ":" + artifactId;
        }

        /**
         * The license identifiers of the expression (OR and AND alike: the text of each one must be
         * there).
         */
        List<String> licenses() {
            List<String> ids = new ArrayList<>();
            for (String part : expression.split(" (OR|AND) ")) {
                ids.add(part.trim());
            }
            return ids;
        }
    }

    private static List<Library> listing(JarFile file) throws IOException {
        String text = text(file, "META-INF/THIRD-PARTY.txt");
        assertNotNull(text, file.getName() + ": META-INF/THIRD-PARTY.txt");
        List<Library> libraries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] fields = line.split(" \\| ");
            if (fields.length == 4 && fields[0].matches("[\\w.-]+:[\\w.-]+:[\\w.-]+")) {
                String[] gav = fields[0].split(":");
                libraries.add(new Library(gav[0], gav[1], fields[1].trim()));
            }
        }
        return libraries;
    }

    private static List<String> licenseProblems(JarFile file, Library library, String license)
            throws IOException {
        List<String> sentences = KNOWN.get(license);
        if (sentences == null) {
            return List.of(
                    library.coordinates()
                            + ": '"
                            + license
                            + "' is not a license this test knows: have it reviewed,"
                            + " then add it with sentences of its text");
        }
        String where;
        String licenseText;
        if (license.equals("Apache-2.0")) {
            where = "META-INF/LICENSE";
            licenseText = text(file, where);
        } else {
            where = "META-INF/licenses/" + library.groupId + "/" + library.artifactId + ".txt";
            licenseText = text(file, where);
            if (licenseText == null) {
                where = "META-INF/licenses/" + library.groupId + ".txt";
                licenseText = text(file, where);
            }
        }
        if (licenseText == null) {
            return List.of(library.coordinates() + ": no text of " + license + " (" + where + ")");
        }
        String flat = licenseText.replaceAll("\\s+", " ");
        List<String> problems = new ArrayList<>();
        for (String sentence : sentences) {
            if (!flat.contains(sentence)) {
                problems.add(
                        library.coordinates()
                                + ": "
                                + where
                                + " is not the "
                                + license
                                + " text (no \""
                                + sentence
                                + "\")");
            }
        }
        return problems;
    }
}
