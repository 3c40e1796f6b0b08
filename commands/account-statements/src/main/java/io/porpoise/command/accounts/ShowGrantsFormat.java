package io.porpoise.command.accounts;

import io.porpoise.auth.Account;
import io.porpoise.auth.Grant;
import io.porpoise.auth.Privilege;
import io.porpoise.auth.Privileges;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The text of SHOW GRANTS and SHOW CREATE USER, as MySQL 8 writes it: one GRANT per level,
 * global first (USAGE when there is nothing), then databases, then tables; at global level the
 * privileges are listed, at database and table level a complete set is ALL PRIVILEGES.
 */
final class ShowGrantsFormat {
    private ShowGrantsFormat() {
    }

    static List<String> grants(AccountName account, Privileges privileges) {
        List<String> lines = new ArrayList<>();
        Grant global = privileges.grants().stream().filter(g -> g.level() == Privilege.Level.GLOBAL).findFirst()
                .orElse(Grant.global(java.util.Set.of(), false));
        lines.add(line(global, account));
        for (Privilege.Level level : List.of(Privilege.Level.DATABASE, Privilege.Level.TABLE)) {
            privileges.grants().stream().filter(g -> g.level() == level).forEach(g -> lines.add(line(g, account)));
        }
        return lines;
    }

    private static String line(Grant g, AccountName account) {
        String privileges;
        if (g.privileges().isEmpty()) {
            privileges = "USAGE";
        } else if (g.level() != Privilege.Level.GLOBAL && g.privileges().equals(Privilege.all(g.level()))) {
            privileges = "ALL PRIVILEGES";
        } else {
            StringJoiner j = new StringJoiner(", ");
            g.privileges().forEach(p -> j.add(p.sql()));
            privileges = j.toString();
        }
        return "GRANT " + privileges + " ON " + g.objectSql() + " TO " + account.backquoted()
                + (g.grantOption() ? " WITH GRANT OPTION" : "");
    }

    static String createUser(Account a) {
        AccountName n = new AccountName(a.user(), a.host());
        String as = a.authenticationString().isEmpty() ? "" : " AS '" + a.authenticationString().replace("'", "''") + "'";
        return "CREATE USER " + n.backquoted() + " IDENTIFIED WITH '" + a.plugin() + "'" + as
                + " REQUIRE " + a.tlsRequirement().name() + " PASSWORD EXPIRE DEFAULT ACCOUNT UNLOCK PASSWORD HISTORY DEFAULT"
                + " PASSWORD REUSE INTERVAL DEFAULT PASSWORD REQUIRE CURRENT DEFAULT";
    }
}
