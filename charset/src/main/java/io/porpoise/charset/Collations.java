package io.porpoise.charset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The collation table, read from the checked-in {@code collations.tsv} (id, charset, collation,
 * max bytes per character, default flag, Java charset or {@code -}). Immutable shared data.
 *
 * <p>MySQL {@code latin1} is Windows-1252, {@code utf8}/{@code utf8mb3} is UTF-8 limited to 3
 * bytes, and {@code binary} is bytes (mapped to ISO-8859-1 only where a String must carry them).
 */
public final class Collations {
    /** utf8mb4_0900_ai_ci: the server default, as in MySQL 8. */
    public static final int DEFAULT_ID = 255;

    private final Map<Integer, Collation> byId;
    private final Map<String, Collation> byName;
    private final Map<String, Collation> defaultByCharset;
    private final List<Collation> all;

    private Collations(List<Collation> all) {
        this.all = Collections.unmodifiableList(all);
        Map<Integer, Collation> ids = new HashMap<>();
        Map<String, Collation> names = new HashMap<>();
        Map<String, Collation> defaults = new HashMap<>();
        for (Collation c : all) {
            ids.put(c.id(), c);
            names.put(c.name(), c);
            if (c.defaultForCharset()) {
                defaults.put(c.charsetName(), c);
            }
        }
        this.byId = ids;
        this.byName = names;
        this.defaultByCharset = defaults;
    }

    private static final class Holder {
        static final Collations TABLE = load();
    }

    public static Optional<Collation> byId(int id) {
        return Optional.ofNullable(Holder.TABLE.byId.get(id));
    }

    /** A collation by name, case-insensitive; {@code utf8_*} means {@code utf8mb3_*}. */
    public static Optional<Collation> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("utf8_")) {
            n = "utf8mb3_" + n.substring(5);
        }
        return Optional.ofNullable(Holder.TABLE.byName.get(n));
    }

    /** The default collation of a character set, case-insensitive; {@code utf8} means utf8mb3. */
    public static Optional<Collation> defaultFor(String charsetName) {
        String n = charsetName.toLowerCase(Locale.ROOT);
        if (n.equals("utf8")) {
            n = "utf8mb3";
        }
        return Optional.ofNullable(Holder.TABLE.defaultByCharset.get(n));
    }

    public static Collation defaultCollation() {
        return byId(DEFAULT_ID).orElseThrow();
    }

    public static List<Collation> all() {
        return Holder.TABLE.all;
    }

    private static Collations load() {
        List<Collation> list = new ArrayList<>();
        try (InputStream in = Collations.class.getResourceAsStream("collations.tsv")) {
            if (in == null) {
                throw new IllegalStateException("resource: collations.tsv (expected: beside Collations)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6) {
                    throw new IllegalStateException("collations.tsv line: " + line + " (expected: 6 tab-separated fields)");
                }
                Optional<Charset> cs = f[5].equals("-") || !Charset.isSupported(f[5]) ? Optional.empty() : Optional.of(Charset.forName(f[5]));
                list.add(new Collation(Integer.parseInt(f[0]), f[1], f[2], Integer.parseInt(f[3]), f[4].equals("Yes"), cs));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Collations(list);
    }
}
