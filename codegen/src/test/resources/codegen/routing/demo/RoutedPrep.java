package demo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** A wrapper written as lakeproxy's are: the accessors and the hooks; the routing is generated. */
final class RoutedPrep implements PrepRouting {
    private final Prep real;
    private final List<String> log;
    private final long interest;

    RoutedPrep(Prep real, List<String> log, long interest) {
        this.real = real;
        this.log = log;
        this.interest = interest;
    }

    @Override
    public Prep prepDelegate() {
        return real;
    }

    @Override
    public Stmt stmtDelegate() {
        return real;
    }

    @Override
    public String routedSql() {
        return "prepared sql";
    }

    @Override
    public long routeInterest(String sql) {
        log.add("interest " + sql);
        return interest;
    }

    @Override
    public <T> T routeRecover(String sql, boolean prepared, SQLException error, Call<T> call)
            throws SQLException {
        log.add("recover " + sql + " prepared=" + prepared + " " + error.getMessage());
        return call.run(sql);
    }

    @Override
    public <T> T routePipeline(String sql, boolean prepared, long bits, Call<T> call)
            throws SQLException {
        log.add("pipeline " + sql + " prepared=" + prepared + " interest=" + bits);
        return call.run("rewritten");
    }

    @Override
    public ResultSet routedResult(ResultSet resultSet) {
        log.add("wrapped");
        return resultSet;
    }
}
