package dev.lakeproxy.cli;

import java.util.List;

/** One line of the doctor's report. */
final class Check {

    enum Status { OK, WARN, FAIL }

    final String name;
    final Status status;
    final String detail;
    final String fix;

    Check(String name, Status status, String detail, String fix) {
        this.name = name;
        this.status = status;
        this.detail = detail;
        this.fix = fix;
    }

    static Check ok(String name, String detail) {
        return new Check(name, Status.OK, detail, null);
    }

    static Check warn(String name, String detail, String fix) {
        return new Check(name, Status.WARN, detail, fix);
    }

    static Check fail(String name, String detail, String fix) {
        return new Check(name, Status.FAIL, detail, fix);
    }

    static String text(List<Check> checks) {
        int width = checks.stream().mapToInt(c -> c.name.length()).max().orElse(10);
        StringBuilder sb = new StringBuilder();
        for (Check c : checks) {
            sb.append(String.format("%-4s  %-" + width + "s  %s%n", c.status, c.name, c.detail));
            if (c.fix != null) {
                sb.append(String.format("      %" + width + "s  fix: %s%n", "", c.fix));
            }
        }
        return sb.toString();
    }

    static String json(List<Check> checks) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("  {\"check\": ").append(quote(c.name)).append(", \"status\": \"")
                    .append(c.status).append("\", \"detail\": ").append(quote(c.detail)).append(", \"fix\": ")
                    .append(c.fix == null ? "null" : quote(c.fix)).append('}');
        }
        return sb.append("\n]").toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
