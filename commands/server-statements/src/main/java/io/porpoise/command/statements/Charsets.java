package io.porpoise.command.statements;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.backend.BackendException;
import io.porpoise.charset.Collation;
import io.porpoise.charset.Collations;
import io.porpoise.command.SessionContext;
import java.util.List;
import java.util.Optional;

/** {@code SET NAMES} and {@code SET CHARACTER SET}, as assignments of the character-set variables. */
final class Charsets {
    private Charsets() {
    }

    /** {@code SET NAMES cs [COLLATE coll]}: client, connection and results charsets at once. */
    static boolean names(Tokens t, List<Assignment> out) throws BackendException {
        Token cs = t.next();
        if (!cs.isName() && cs.kind() != Token.Kind.STRING) {
            return false;
        }
        String charset = cs.isWord("DEFAULT") ? "utf8mb4" : cs.text();
        Optional<Collation> def = Optional.of(check("character_set_client", charset));
        Collation collation = def.get();
        if (t.acceptWord("COLLATE")) {
            Token c = t.next();
            collation = Collations.byName(c.text()).orElseThrow(() -> VariableRef.error("ER_UNKNOWN_COLLATION", c.text()));
            if (!collation.charsetName().equals(def.get().charsetName())) {
                throw VariableRef.error("ER_COLLATION_CHARSET_MISMATCH", collation.name(), def.get().charsetName());
            }
        }
        String name = def.get().charsetName();
        out.add(Assignment.system(new VariableRef("character_set_client", VariableRef.Scope.SESSION), name));
        out.add(Assignment.system(new VariableRef("character_set_results", VariableRef.Scope.SESSION), name));
        out.add(Assignment.system(new VariableRef("collation_connection", VariableRef.Scope.SESSION), collation.name()));
        return true;
    }

    /** {@code SET CHARACTER SET cs}: client and results to cs, connection to the database's. */
    static boolean characterSet(Tokens t, SessionContext s, List<Assignment> out) throws BackendException {
        Token cs = t.next();
        if (!cs.isName() && cs.kind() != Token.Kind.STRING) {
            return false;
        }
        String charset = cs.isWord("DEFAULT") ? "utf8mb4" : cs.text();
        Collation def = check("character_set_client", charset);
        out.add(Assignment.system(new VariableRef("character_set_client", VariableRef.Scope.SESSION), def.charsetName()));
        out.add(Assignment.system(new VariableRef("character_set_results", VariableRef.Scope.SESSION), def.charsetName()));
        Object dbCollation = s.variables().get("collation_database");
        out.add(Assignment.system(new VariableRef("collation_connection", VariableRef.Scope.SESSION),
                dbCollation == null ? "utf8mb4_0900_ai_ci" : dbCollation));
        return true;
    }

    /**
     * The default collation of {@code charset} for variable {@code variable}, or MySQL's error:
     * ER_UNKNOWN_CHARACTER_SET for a name it does not know, ER_WRONG_VALUE_FOR_VAR for a client
     * charset its parser cannot read (ucs2, utf16, utf16le, utf32), and ER_NOT_SUPPORTED_YET
     * for text this server would have to convert with a charset the runtime lacks (only on an
     * image without {@code jdk.charsets}: every MySQL 8.4 charset has a converter otherwise).
     */
    static Collation check(String variable, String charset) throws BackendException {
        Collation def = Collations.defaultFor(charset).orElseThrow(() -> VariableRef.error("ER_UNKNOWN_CHARACTER_SET", charset));
        boolean converts = variable.equals("character_set_client") || variable.equals("character_set_results");
        if (variable.equals("character_set_client") && !def.isParserCharset()) {
            throw VariableRef.error("ER_WRONG_VALUE_FOR_VAR", variable, def.charsetName());
        }
        if (converts && def.javaCharset().isEmpty()) {
            throw VariableRef.error("ER_NOT_SUPPORTED_YET", "character set '" + def.charsetName() + "'");
        }
        return def;
    }

    /**
     * Keeps each character set variable and its collation variable in step, as MySQL does:
     * setting {@code collation_x} sets {@code character_set_x} to its charset, setting
     * {@code character_set_x} sets {@code collation_x} to the charset's default collation.
     */
    static void pair(String name, String value, io.porpoise.command.SessionVariables vars) {
        for (String scope : new String[] {"connection", "database", "server"}) {
            if (name.equals("collation_" + scope)) {
                Collations.byName(value).ifPresent(c -> vars.internalSet("character_set_" + scope, c.charsetName()));
            } else if (name.equals("character_set_" + scope)) {
                Collations.defaultFor(value).ifPresent(c -> vars.internalSet("collation_" + scope, c.name()));
            }
        }
    }
}
