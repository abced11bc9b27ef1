package dev.lakeproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The single jar, alone on the class path of a fresh JVM, as DBeaver or a BI tool would load it. */
class FatJarIT {

    static Path allJar() {
        Path jar = Path.of(System.getProperty("lakeproxy.all.jar"));
        assertTrue(Files.isRegularFile(jar), "built by the package phase: " + jar);
        return jar;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "finished in time");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aFreshJvmWithOnlyTheSingleJarConnectsToBothStandInsAndKeepsPgjdbcReachable() throws Exception {
        Path probe = Files.createTempDirectory("probe").resolve("FatJarProbe.java");
        Files.copy(FatJarIT.class.getResourceAsStream("/it/FatJarProbe.java"), probe);
        String out = run(List.of(java(), "-cp", allJar().toString(), probe.toString()));
        assertTrue(out.contains("driver=dev.lakeproxy.Driver"), out);
        assertTrue(out.contains("holo.rows=2"), "an encrypted foreign table read through Common Table: " + out);
        assertTrue(out.contains("holo.copy=1:7"), "unwrap(PGConnection).getCopyAPI() from the single jar: " + out);
        assertTrue(out.contains("holo.cast.pid=true"), out);
        assertTrue(out.contains("odps.rows=2"), "odps-jdbc through lakeproxy: " + out);
        assertTrue(out.contains("relocated=net.sf.jsqlparser.parser.CCJSqlParserUtil"), out);
        assertTrue(out.contains("relocated=com.github.benmanes.caffeine.cache.Caffeine"), out);
        assertTrue(out.contains("relocated=com.aliyuncs.DefaultAcsClient"), out);
    }

    @Test
    void theCliAnswersHelpAndRefusesBadArguments() throws Exception {
        String help = run(List.of(java(), "-jar", allJar().toString(), "--help"));
        assertTrue(help.contains("demo") && help.contains("doctor") && help.contains("explain"), help);
        Process bad = new ProcessBuilder(java(), "-jar", allJar().toString(), "doctor", "--nope").redirectErrorStream(true).start();
        String out = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        bad.waitFor(60, TimeUnit.SECONDS);
        assertEquals(2, bad.exitValue());
        assertTrue(out.contains("unknown option --nope"), out);
        assertTrue(new File(allJar().toString()).length() > 1_000_000);
    }
}
