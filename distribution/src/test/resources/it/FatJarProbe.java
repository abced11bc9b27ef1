import dev.lakeproxy.holosim.HoloSimulator;
import dev.lakeproxy.holosim.SampleData;
import dev.lakeproxy.odpsemu.MaxComputeEmulator;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.postgresql.PGConnection;

/** Run by FatJarIT as a single-file program with nothing but the single jar on the class path. */
public class FatJarProbe {
    public static void main(String[] args) throws Exception {
        System.out.println("driver=" + DriverManager.getDriver("jdbc:lakeproxy:postgresql://h/db").getClass().getName());
        try (HoloSimulator sim = HoloSimulator.builder().version("3.2.5").start()) {
            SampleData.seed(sim);
            try (Connection c = DriverManager.getConnection("jdbc:lakeproxy:" + sim.jdbcUrl().substring(5), sim.user(), sim.password());
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM payments")) {
                rs.next();
                System.out.println("holo.rows=" + rs.getInt(1));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                System.out.println("holo.copy=" + c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT 7) TO STDOUT", out)
                        + ":" + out.toString("UTF-8").trim());
                System.out.println("holo.cast.pid=" + (((PGConnection) c).getBackendPID() > 0));
            }
        }
        try (MaxComputeEmulator emu = MaxComputeEmulator.builder().project("probe").start()) {
            try (Connection c = DriverManager.getConnection("jdbc:lakeproxy:" + emu.jdbcUrl("probe").substring(5));
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id BIGINT, name STRING)");
                s.executeUpdate("INSERT INTO t VALUES (1, 'Zhang San'), (2, 'Li Si')");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                    rs.next();
                    System.out.println("odps.rows=" + rs.getLong(1));
                }
            }
        }
        for (String name : new String[] {"net.sf.jsqlparser.parser.CCJSqlParserUtil", "com.github.benmanes.caffeine.cache.Caffeine",
                "com.aliyuncs.DefaultAcsClient"}) {
            try {
                Class.forName(name);
                System.out.println("unrelocated=" + name);
            } catch (ClassNotFoundException relocated) {
                System.out.println("relocated=" + name);
            }
        }
    }
}
