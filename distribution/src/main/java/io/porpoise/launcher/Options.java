package io.porpoise.launcher;

/** Command-line options of bin/porpoise. */
record Options(int port, String bind, String dataDir, boolean help) {
    static final String USAGE = "usage: porpoise [--port N (3306)] [--bind ADDRESS (127.0.0.1)] [--data-dir DIR (<install>/data)]";

    static Options parse(String[] args) {
        int port = 3306;
        String bind = "127.0.0.1";
        String dataDir = null;
        String defaultDataDir = "data";
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
                case "--default-data-dir":
                    defaultDataDir = value(args, ++i, a);
                    break;
                case "--help":
                case "-h":
                    help = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option: " + a);
            }
        }
        return new Options(port, bind, dataDir == null ? defaultDataDir : dataDir, help);
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
