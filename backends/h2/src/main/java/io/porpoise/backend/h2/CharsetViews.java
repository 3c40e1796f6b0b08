package io.porpoise.backend.h2;

import io.porpoise.charset.CharacterSet;
import io.porpoise.charset.Collation;
import io.porpoise.charset.Collations;
import java.util.Map;

/**
 * INFORMATION_SCHEMA.CHARACTER_SETS, COLLATIONS and COLLATION_CHARACTER_SET_APPLICABILITY as
 * views over literal rows of the server's collation table ({@link Collations}), so they agree
 * with SHOW CHARACTER SET, SHOW COLLATION and the collation ids in result metadata. Column
 * names, order and types follow MySQL 8.
 */
final class CharsetViews {
    private CharsetViews() {
    }

    static void addTo(Map<String, String> views) {
        StringBuilder sets = new StringBuilder();
        for (CharacterSet cs : Collations.characterSets()) {
            sets.append(sets.length() == 0 ? "" : ", ").append('(').append(quote(cs.name())).append(", ").append(quote(cs.defaultCollation()))
                    .append(", ").append(quote(cs.description())).append(", ").append(cs.maxLength()).append(')');
        }
        views.put("CHARACTER_SETS", "SELECT " + text("CHARACTER_SET_NAME") + ", " + text("DEFAULT_COLLATE_NAME") + ", " + text("DESCRIPTION")
                + ", CAST(MAXLEN AS INTEGER) AS MAXLEN FROM (VALUES " + sets + ") AS v(CHARACTER_SET_NAME, DEFAULT_COLLATE_NAME, DESCRIPTION, MAXLEN)");
        StringBuilder collations = new StringBuilder();
        for (Collation c : Collations.all()) {
            collations.append(collations.length() == 0 ? "" : ", ").append('(').append(quote(c.name())).append(", ").append(quote(c.charsetName()))
                    .append(", ").append(c.id()).append(", ").append(quote(c.defaultForCharset() ? "Yes" : "")).append(", ")
                    .append(c.sortLength()).append(", ").append(quote(c.padAttribute())).append(')');
        }
        String rows = "(VALUES " + collations + ") AS v(COLLATION_NAME, CHARACTER_SET_NAME, ID, IS_DEFAULT, SORTLEN, PAD_ATTRIBUTE)";
        views.put("COLLATIONS", "SELECT " + text("COLLATION_NAME") + ", " + text("CHARACTER_SET_NAME") + ", CAST(ID AS BIGINT) AS ID, "
                + text("IS_DEFAULT") + ", CAST('Yes' AS VARCHAR_IGNORECASE) AS IS_COMPILED, CAST(SORTLEN AS INTEGER) AS SORTLEN, "
                + text("PAD_ATTRIBUTE") + " FROM " + rows);
        views.put("COLLATION_CHARACTER_SET_APPLICABILITY", "SELECT " + text("COLLATION_NAME") + ", " + text("CHARACTER_SET_NAME") + " FROM " + rows);
    }

    private static String text(String column) {
        return "CAST(" + column + " AS VARCHAR_IGNORECASE) AS " + column;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
