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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The collation table of MySQL 8.4, read from the checked-in {@code collations.tsv}: every
 * collation id with its character set, default flag, sort length, pad attribute, the
 * character set's maximum bytes per character and description, and the Java charset that
 * converts it. Immutable shared data; {@code SHOW CHARACTER SET}, {@code SHOW COLLATION} and the
 * INFORMATION_SCHEMA views are all answered from it.
 *
 * <p>MySQL {@code latin1} is Windows-1252 (with MySQL's mapping of its five holes to C1
 * controls), {@code utf8}/{@code utf8mb3} is UTF-8 limited to 3 bytes, dec8, hp8, swe7,
 * armscii8, keybcs2 and geostd8 are MySQL's own tables ({@code single-byte-charsets.txt}), and
 * {@code binary} is bytes (mapped to ISO-8859-1 only where a String must carry them).
 */
public final class Collations {
    /** utf8mb4_0900_ai_ci: the server default, as in MySQL 8. */
    public static final int DEFAULT_ID = 255;

    private final Map<Integer, Collation> byId;
    private final Map<String, Collation> byName;
    private final Map<String, Collation> defaultByCharset;
    private final List<Collation> all;
    private final List<CharacterSet> characterSets;

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
        List<CharacterSet> sets = new ArrayList<>();
        for (Collation d : defaults.values()) {
            sets.add(new CharacterSet(d.charsetName(), d.charsetDescription(), d.name(), d.maxBytesPerChar()));
        }
        sets.sort(Comparator.comparing(CharacterSet::name));
        this.byId = ids;
        this.byName = names;
        this.defaultByCharset = defaults;
        this.characterSets = Collections.unmodifiableList(sets);
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

    /** Every collation, by id. */
    public static List<Collation> all() {
        return Holder.TABLE.all;
    }

    /** Every character set, by name. */
    public static List<CharacterSet> characterSets() {
        return Holder.TABLE.characterSets;
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
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 9) {
                    throw new IllegalStateException("collations.tsv line: " + line + " (expected: 9 tab-separated fields)");
                }
                list.add(new Collation(Integer.parseInt(f[0]), f[1], f[2], f[3].equals("Yes"), Integer.parseInt(f[4]), f[5],
                        Integer.parseInt(f[6]), f[7], javaCharset(f[8])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        list.sort(Comparator.comparingInt(Collation::id));
        return new Collations(list);
    }

    private static Optional<Charset> javaCharset(String name) {
        switch (name) {
            case "-":
                return Optional.empty();
            case Utf8mb3.NAME:
                return Optional.of(Utf8mb3.INSTANCE);
            default:
                if (name.startsWith(SingleByteCharsets.PREFIX)) {
                    SingleByteCharset own = SingleByteCharsets.byJavaName(name);
                    if (own == null) {
                        throw new IllegalStateException("collations.tsv charset: " + name + " (expected: latin1 or one of single-byte-charsets.txt)");
                    }
                    return Optional.of(own);
                }
                // jdk.charsets (GBK, Big5, Shift_JIS, ...) may be absent from a trimmed runtime image.
                return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        }
    }
}
