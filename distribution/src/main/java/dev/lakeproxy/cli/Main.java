package dev.lakeproxy.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** {@code lakeproxy <command>}: the command-line entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage(out);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "demo":
                return new Demo(out).run(rest);
            case "options":
                out.print(dev.lakeproxy.core.options.OptionRegistry.discovered().markdownTable());
                return 0;
            default:
                err.println("Unknown command \"" + args[0] + "\". Run with --help to see the commands.");
                return 2;
        }
    }

    private static void usage(PrintStream out) {
        out.println("Usage: lakeproxy <command> [options]");
        out.println();
        out.println("Commands:");
        out.println("  demo      start local stand-ins and show what lakeproxy does, next to the raw driver");
        out.println("  options   print the table of lakeproxy.* options");
    }
}
