package io.porpoise.command.statements;

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
        Optional<Collation> def = Collations.defaultFor(charset);
        if (def.isEmpty()) {
            throw VariableRef.error("ER_UNKNOWN_CHARACTER_SET", charset);
        }
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
        out.add(Assignment.system(new VariableRef("character_set_connection", VariableRef.Scope.SESSION), name));
        return true;
    }

    /** {@code SET CHARACTER SET cs}: client and results to cs, connection to the database's. */
    static boolean characterSet(Tokens t, SessionContext s, List<Assignment> out) throws BackendException {
        Token cs = t.next();
        if (!cs.isName() && cs.kind() != Token.Kind.STRING) {
            return false;
        }
        String charset = cs.isWord("DEFAULT") ? "utf8mb4" : cs.text();
        Collation def = Collations.defaultFor(charset).orElseThrow(() -> VariableRef.error("ER_UNKNOWN_CHARACTER_SET", charset));
        out.add(Assignment.system(new VariableRef("character_set_client", VariableRef.Scope.SESSION), def.charsetName()));
        out.add(Assignment.system(new VariableRef("character_set_results", VariableRef.Scope.SESSION), def.charsetName()));
        Object dbCharset = s.variables().get("character_set_database");
        out.add(Assignment.system(new VariableRef("character_set_connection", VariableRef.Scope.SESSION),
                dbCharset == null ? "utf8mb4" : dbCharset));
        return true;
    }
}
