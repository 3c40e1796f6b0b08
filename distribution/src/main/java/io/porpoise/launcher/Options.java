package io.porpoise.launcher;

/**
 * Command-line options of bin/porpoise. Unset values ({@code null}) leave the setting to
 * {@code conf/io.porpoise.server.cfg} (Felix) or the built-in default (embedded).
 */
record Options(Integer port, String bind, String dataDir, boolean console, boolean help) {
    static final String USAGE = "usage: porpoise [--port N] [--bind ADDRESS] [--data-dir DIR] [--console]\n"
            + "  --port N          TCP port (default: conf/io.porpoise.server.cfg, else 3306)\n"
            + "  --bind ADDRESS    address to listen on (default: the .cfg, else 127.0.0.1)\n"
            + "  --data-dir DIR    accounts, keys and H2 data (default: the .cfg, else <install>/data)\n"
            + "  --console         also start the Gogo shell on this terminal";

    static Options parse(String[] args) {
        Integer port = null;
        String bind = null;
        String dataDir = null;
        boolean console = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port":
                    port = parsePort(value(args, ++i, a));
                    break;
                case "--bind":
                    bind = value(args, ++i, a);
                    break;
                case "--data-dir":
                    dataDir = value(args, ++i, a);
                    break;
                case "--console":
                    console = true;
                    break;
                case "--help":
                case "-h":
                    help = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option: " + a);
            }
        }
        return new Options(port, bind, dataDir, console, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + ": missing value");
        }
        return args[i];
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("--port: " + s + " (expected: 0..65535)");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port: " + s + " (expected: a number)");
        }
    }
}
