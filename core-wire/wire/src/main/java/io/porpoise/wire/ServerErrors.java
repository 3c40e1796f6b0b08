package io.porpoise.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * MySQL's complete client error table, read from the checked-in {@code mysql-errors.tsv}
 * (errno, symbol, SQLSTATE, English message; generated from MySQL's
 * {@code share/messages_to_clients.txt}). Immutable data like an enum, so one shared copy.
 */
public final class ServerErrors {
    private static final String RESOURCE = "mysql-errors.tsv";

    private final Map<Integer, ServerError> byCode;
    private final Map<String, ServerError> bySymbol;

    private ServerErrors(Map<Integer, ServerError> byCode, Map<String, ServerError> bySymbol) {
        this.byCode = byCode;
        this.bySymbol = bySymbol;
    }

    private static final class Holder {
        static final ServerErrors TABLE = load();
    }

    /** Looks an error up by its symbol, e.g. {@code ER_ACCESS_DENIED_ERROR}. */
    public static ServerError of(String symbol) {
        ServerError e = Holder.TABLE.bySymbol.get(symbol);
        if (e == null) {
            throw new IllegalArgumentException("symbol: " + symbol + " (expected: a MySQL error symbol)");
        }
        return e;
    }

    public static Optional<ServerError> byCode(int code) {
        return Optional.ofNullable(Holder.TABLE.byCode.get(code));
    }

    public static Collection<ServerError> all() {
        return Collections.unmodifiableCollection(Holder.TABLE.byCode.values());
    }

    private static ServerErrors load() {
        Map<Integer, ServerError> byCode = new TreeMap<>();
        Map<String, ServerError> bySymbol = new HashMap<>();
        try (InputStream in = ServerErrors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource: " + RESOURCE + " (expected: on the module path beside ServerErrors)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", 4);
                if (f.length != 4) {
                    throw new IllegalStateException("mysql-errors.tsv line: " + line + " (expected: 4 tab-separated fields)");
                }
                ServerError e = new ServerError(Integer.parseInt(f[0]), f[1], f[2], f[3]);
                byCode.put(e.code(), e);
                bySymbol.put(e.symbol(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerErrors(Collections.unmodifiableMap(byCode), Collections.unmodifiableMap(bySymbol));
    }
}
