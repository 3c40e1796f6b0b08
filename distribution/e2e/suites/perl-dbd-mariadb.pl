#!/usr/bin/perl
# Perl DBI with DBD::MariaDB (Debian libdbd-mariadb-perl, on libmariadb). By default
# DBD::MariaDB interpolates parameters on the client (types-params); with
# mariadb_server_prepare=1 every prepare() is a server-side prepared statement, USE and SHOW
# included (types-prepared*, prepared-any-statement). Errors carry errno ($DBI::err) and SQLSTATE
# ($DBI::state). DBD::MariaDB has no select-db or change-user call and always talks utf8mb4
# (no charset-latin1 check); 1.22 cannot stream a result (see below: no stream-100k).
#
# Output: one line per check, `ok|FAIL|pending perl-dbd-mariadb <check>[: reason]`.
use strict;
use warnings;
use utf8;
use Digest::SHA qw(sha256_hex);

my $SUITE = 'perl-dbd-mariadb';
my $HOST = $ENV{PORPOISE_HOST} || '127.0.0.1';
my $PORT = $ENV{PORPOISE_PORT} || 3306;
my $DB = 'e2e_perl_dbd_mariadb';
binmode STDOUT, ':encoding(UTF-8)';
$| = 1;

unless (eval { require DBI; require DBD::MariaDB; 1 }) {
    my $reason = 'DBD::MariaDB is not installed (apt-get install libdbd-mariadb-perl)';
    print $ENV{CI} ? "FAIL $SUITE library-installed: $reason\n" : "skip $SUITE: $reason\n";
    exit 0;
}
DBI->import(':sql_types');

my $blocked;

sub emit {
    my ($kind, $check, $reason) = @_;
    if (defined $reason) {
        $reason =~ s/\s+/ /g;
        $reason = substr($reason, 0, 600) . '...' if length $reason > 600;
        print "$kind $SUITE $check: $reason\n";
    } else {
        print "$kind $SUITE $check\n";
    }
}

# check(name, sub): dies inside are failures; returns true when the check passed.
sub check {
    my ($name, $fn) = @_;
    if ($blocked) { emit('FAIL', $name, $blocked); return 0; }
    my $ok = eval { $fn->(); 1 };
    if (!$ok) {
        my $err = $@ || 'died';
        chomp $err;
        print STDERR "$name: $err\n";
        emit('FAIL', $name, $err);
        return 0;
    }
    emit('ok', $name);
    return 1;
}

# A check of an optional protocol feature: run when the server offers it (PORPOISE_FEATURES,
# read from its handshake by the runner) or E2E_PENDING is set; else reported as pending.
sub feature_check {
    my ($name, $feature, $fn) = @_;
    my %offered = map { $_ => 1 } split ' ', ($ENV{PORPOISE_FEATURES} || '');
    if (!$offered{$feature} && !$ENV{E2E_PENDING} && !$blocked) {
        emit('pending', $name, "the server does not offer $feature yet");
        return;
    }
    check($name, $fn);
}

sub connect_db {
    my (%o) = @_;
    my $dsn = "DBI:MariaDB:host=$HOST;port=$PORT";
    $dsn .= ";database=$o{database}" if defined $o{database};
    $dsn .= ';mariadb_server_prepare=1' if $o{server_prepare};
    $dsn .= ';mariadb_multi_statements=1' if $o{multi};
    $dsn .= ';mariadb_compression=1' if $o{compress};
    # the server's own certificate, not verified: DBD::MariaDB then refuses to enforce TLS, so
    # it is "optional" and the check runs only when the server offers TLS (feature_check)
    $dsn .= ';mariadb_ssl=1;mariadb_ssl_optional=1;mariadb_ssl_verify_server_cert=0' if $o{tls};
    # TLS required and verified against the CA the server generated
    $dsn .= ";mariadb_ssl=1;mariadb_ssl_verify_server_cert=1;mariadb_ssl_ca_file=$o{ca}" if $o{ca};
    return DBI->connect($dsn, $o{user} // 'root', $o{password} // '',
        { RaiseError => 1, PrintError => 0, AutoCommit => 1, mariadb_connect_timeout => 10 });
}

sub expect_eq {
    my ($got, $want, $what) = @_;
    return if (!defined $got && !defined $want) || (defined $got && defined $want && $got eq $want);
    die sprintf("%s: got %s, expected %s\n", $what, show($got), show($want));
}

sub show {
    my ($v) = @_;
    return 'NULL' unless defined $v;
    my $s = length $v > 40 ? substr($v, 0, 40) . '...(' . length($v) . ' chars)' : $v;
    $s =~ s/([^\x20-\x7e\x{a0}-\x{fffff}])/sprintf('\\x%02x', ord $1)/ge;
    return "'$s'";
}

# the error of running $fn: errno and SQLSTATE
sub expect_error {
    my ($fn, $errno, $state) = @_;
    my $ok = eval { $fn->(); 1 };
    die "succeeded, expected error $errno\n" if $ok;
    my ($got_errno, $got_state, $msg) = ($DBI::err // 'none', $DBI::state // 'none', $DBI::errstr // $@);
    die "errno $got_errno, expected $errno ($msg)\n" unless $got_errno == $errno;
    die "SQLSTATE $got_state, expected $state ($msg)\n" unless $got_state eq $state;
}

my $TEXT = 'Grüße 🐬 𝄞 ok';
my $BLOB = join '', map { chr } 0 .. 255;
# [name, SQL type, SQL literal, expected text, parameter, DBI bind type]
my @COLUMNS = (
    ['i', 'INT', '-2147483648', '-2147483648', -2147483648, SQL_INTEGER()],
    ['bi', 'BIGINT', '-9223372036854775808', '-9223372036854775808', '-9223372036854775808', SQL_BIGINT()],
    ['bu', 'BIGINT UNSIGNED', '18446744073709551615', '18446744073709551615', '18446744073709551615', SQL_BIGINT()],
    ['de', 'DECIMAL(30,10)', '12345678901234567890.0123456789', '12345678901234567890.0123456789',
        '12345678901234567890.0123456789', SQL_DECIMAL()],
    ['db', 'DOUBLE', '6.02214076e23', 6.02214076e23, 6.02214076e23, SQL_DOUBLE()],
    ['s', 'VARCHAR(50)', "'$TEXT'", $TEXT, $TEXT, SQL_VARCHAR()],
    ['b', 'BLOB', "X'" . unpack('H*', $BLOB) . "'", $BLOB, $BLOB, SQL_BLOB()],
    ['d', 'DATE', "'2024-02-29'", '2024-02-29', '2024-02-29', SQL_VARCHAR()],
    ['t', 'TIME', "'13:07:59'", '13:07:59', '13:07:59', SQL_VARCHAR()],
    ['dt', 'DATETIME(6)', "'2024-02-29 13:45:07.123456'", '2024-02-29 13:45:07.123456',
        '2024-02-29 13:45:07.123456', SQL_VARCHAR()],
    ['n', 'INT', 'NULL', undef, undef, SQL_INTEGER()],
);
my $DDL = '(id INT PRIMARY KEY, ' . join(', ', map { "$_->[0] $_->[1]" } @COLUMNS) . ')';
my $NAMES = join ', ', map { $_->[0] } @COLUMNS;
my $MARKS = join ', ', ('?') x (@COLUMNS + 1);

sub compare_type_rows {
    my ($rows) = @_;
    die 'expected 2 rows, got ' . scalar(@$rows) . "\n" unless @$rows == 2;
    my @problems;
    for my $i (0 .. $#COLUMNS) {
        my ($name, $type, undef, $want) = @{ $COLUMNS[$i] };
        my $got = $rows->[0][$i];
        my $same = !defined $want ? !defined $got
            : $type eq 'DOUBLE' ? defined $got && $got == $want
            : defined $got && $got eq $want;
        push @problems, "$name got " . show($got) . ' expected ' . show($want) unless $same;
        push @problems, "$name (NULL row) got " . show($rows->[1][$i]) if defined $rows->[1][$i];
    }
    die join('; ', @problems) . "\n" if @problems;
}

# an insert of the type row with every parameter bound with its type (a BLOB as SQL_BLOB: an
# unbound byte string would be taken as Latin-1 characters and sent as UTF-8)
sub insert_typed {
    my ($dbh, $table, $id, $null) = @_;
    my $sth = $dbh->prepare("INSERT INTO $table VALUES ($MARKS)");
    $sth->bind_param(1, $id, SQL_INTEGER());
    for my $i (0 .. $#COLUMNS) {
        $sth->bind_param($i + 2, $null ? undef : $COLUMNS[$i][4], $COLUMNS[$i][5]);
    }
    $sth->execute;
}

sub select_typed {
    my ($dbh, $table) = @_;
    my $sth = $dbh->prepare("SELECT $NAMES FROM $table WHERE bu = ? OR id = ? ORDER BY id");
    $sth->bind_param(1, '18446744073709551615', SQL_BIGINT());
    $sth->bind_param(2, 2, SQL_INTEGER());
    $sth->execute;
    return $sth->fetchall_arrayref;
}

# --- login ---------------------------------------------------------------------------------
my $logged_in = check('login', sub {
    my $dbh = connect_db();
    expect_eq($dbh->selectrow_array('SELECT CURRENT_USER()'), 'root@localhost', 'CURRENT_USER()');
    $dbh->disconnect;
});
# libmariadb's caching_sha2_password plugin: the full authentication sends the password over TLS
check('login-password', sub {
    my ($user, $password) = ($ENV{E2E_SHA2_USER} // 'e2e_sha2', $ENV{E2E_SHA2_PASSWORD} // '');
    die "no password for the e2e accounts (E2E_SHA2_PASSWORD unset)\n" if $password eq '';
    my $dbh = connect_db(user => $user, password => $password, ca => $ENV{PORPOISE_CA});
    expect_eq($dbh->selectrow_array('SELECT CURRENT_USER()'), "$user\@%", 'CURRENT_USER()');
    $dbh->disconnect;
});
check('login-wrong-password', sub {
    my $dbh = eval { connect_db(password => 'nope') };
    if ($dbh) { $dbh->disconnect; die "login with password 'nope' succeeded\n"; }
    die "errno $DBI::err, expected 1045 ($DBI::errstr)\n" unless ($DBI::err // 0) == 1045;
    die "SQLSTATE $DBI::state, expected 28000 ($DBI::errstr)\n" unless ($DBI::state // '') eq '28000';
});
$blocked = 'not run: cannot log in (see the login check)' unless $logged_in;

check('use-db', sub {
    my $dbh = connect_db();
    $dbh->do($_) for ("DROP DATABASE IF EXISTS $DB", "CREATE DATABASE $DB",
        "DROP DATABASE IF EXISTS ${DB}_other", "CREATE DATABASE ${DB}_other");
    $dbh->do("USE ${DB}_other");
    expect_eq($dbh->selectrow_array('SELECT DATABASE()'), "${DB}_other", 'DATABASE() after USE');
    $dbh->disconnect;
    $dbh = connect_db(database => $DB);
    expect_eq($dbh->selectrow_array('SELECT DATABASE()'), $DB, 'DATABASE() after connect');
    $dbh->disconnect;
});

my $dbh = $blocked ? undef : connect_db(database => $DB);
my $sp = $blocked ? undef : connect_db(database => $DB, server_prepare => 1);

check('types-text', sub {
    $dbh->do('DROP TABLE IF EXISTS types_text');
    $dbh->do("CREATE TABLE types_text $DDL");
    $dbh->do('INSERT INTO types_text VALUES (1, ' . join(', ', map { $_->[2] } @COLUMNS) . ')');
    $dbh->do('INSERT INTO types_text (id) VALUES (2)');
    compare_type_rows($dbh->selectall_arrayref("SELECT $NAMES FROM types_text ORDER BY id"));
});
check('types-params', sub {
    $dbh->do('DROP TABLE IF EXISTS types_params');
    $dbh->do("CREATE TABLE types_params $DDL");
    insert_typed($dbh, 'types_params', 1, 0);
    insert_typed($dbh, 'types_params', 2, 1);
    compare_type_rows(select_typed($dbh, 'types_params'));
});
check('types-prepared', sub {
    $sp->do('DROP TABLE IF EXISTS types_prepared');
    $sp->do("CREATE TABLE types_prepared $DDL");
    insert_typed($sp, 'types_prepared', 1, 0);
    insert_typed($sp, 'types_prepared', 2, 1);
    compare_type_rows(select_typed($sp, 'types_prepared'));
});
check('types-prepared-read-text-written', sub {
    compare_type_rows($sp->selectall_arrayref("SELECT $NAMES FROM types_text WHERE id IN (?, ?) ORDER BY id",
        undef, 1, 2));
});
check('prepared-any-statement', sub {
    # with mariadb_server_prepare every statement goes through COM_STMT_PREPARE
    my $run = sub { my $sth = $sp->prepare($_[0]); $sth->execute; $sth->{NUM_OF_FIELDS} ? $sth->fetchall_arrayref : [] };
    $run->("USE ${DB}_other");
    expect_eq($run->('SELECT DATABASE()')->[0][0], "${DB}_other", 'DATABASE() after USE');
    $run->("USE $DB");
    $run->('DROP TABLE IF EXISTS prep_any');
    $run->('CREATE TABLE prep_any (id INT PRIMARY KEY, v VARCHAR(10))');
    $run->("INSERT INTO prep_any VALUES (1, 'a')");
    $run->('SET @prep_any = 42');
    expect_eq($run->('SELECT @prep_any')->[0][0], '42', '@prep_any');
    my @tables = map { $_->[0] } @{ $run->('SHOW TABLES') };
    die 'SHOW TABLES: ' . join(', ', @tables) . "\n" unless grep { $_ eq 'prep_any' } @tables;
    my $vars = $run->("SHOW VARIABLES LIKE 'max_allowed_packet'");
    die "SHOW VARIABLES: @{[scalar @$vars]} rows\n" unless @$vars == 1 && $vars->[0][0] eq 'max_allowed_packet';
    $run->('DROP TABLE prep_any');
});

check('transaction-rollback', sub {
    my $b = connect_db(database => $DB);
    $dbh->do('DROP TABLE IF EXISTS tx');
    $dbh->do('CREATE TABLE tx (id INT PRIMARY KEY, v VARCHAR(10))');
    $dbh->begin_work;
    $dbh->do("INSERT INTO tx VALUES (1, 'gone')");
    expect_eq($dbh->selectrow_array('SELECT COUNT(*) FROM tx'), '1', 'rows inside the transaction');
    $dbh->rollback;
    expect_eq($dbh->selectrow_array('SELECT COUNT(*) FROM tx'), '0', 'rows after rollback');
    expect_eq($b->selectrow_array('SELECT COUNT(*) FROM tx'), '0', 'rows seen by another session');
    $b->disconnect;
});
check('transaction-commit', sub {
    my $b = connect_db(database => $DB);
    $dbh->begin_work;
    $dbh->do("INSERT INTO tx VALUES (2, 'kept')");
    expect_eq($b->selectrow_array('SELECT COUNT(*) FROM tx'), '0', 'uncommitted rows seen by another session');
    $dbh->commit;
    expect_eq($b->selectrow_array('SELECT v FROM tx WHERE id = 2'), 'kept', 'committed row seen by another session');
    $b->disconnect;
});

# as a text query and as a server-side prepared statement
sub via_both {
    my ($sql, $errno, $state) = @_;
    expect_error(sub { $dbh->do($sql) }, $errno, $state);
    expect_error(sub { my $sth = $sp->prepare($sql); $sth->execute }, $errno, $state);
}
check('error-no-such-table', sub { via_both('SELECT * FROM no_such_table', 1146, '42S02') });
check('error-syntax', sub { via_both('SELEC 1', 1064, '42000') });
check('error-duplicate-key', sub {
    $dbh->do('DROP TABLE IF EXISTS dup');
    $dbh->do('CREATE TABLE dup (id INT PRIMARY KEY)');
    $dbh->do('INSERT INTO dup VALUES (1)');
    via_both('INSERT INTO dup VALUES (1)', 1062, '23000');
});
check('error-unknown-database', sub { expect_error(sub { $dbh->do('USE no_such_database') }, 1049, '42000') });

check('ping', sub {
    die "ping returned false\n" unless $dbh->ping;
    expect_eq($dbh->selectrow_array('SELECT 1'), '1', 'SELECT 1 after ping');
});

# No stream-100k: DBD::MariaDB 1.22 (Debian 12) cannot read a result unbuffered. With
# mariadb_use_result its execute() sets the row count from mysql_num_rows(), which is 0 before
# any row is read, and leaves the statement inactive, so fetch returns nothing and the unread
# rows put the connection out of sync (later versions count such a result as "unknown").

my $large = sub {
    my ($h) = @_;
    open my $random, '<:raw', '/dev/urandom' or die "/dev/urandom: $!\n";
    read($random, my $value, 20 * 1024 * 1024) == 20 * 1024 * 1024 or die "short read from /dev/urandom\n";
    close $random;
    $dbh->do('DROP TABLE IF EXISTS big');
    $dbh->do('CREATE TABLE big (id INT PRIMARY KEY, v LONGBLOB)');
    my $sth = $h->prepare('INSERT INTO big VALUES (1, ?)');
    $sth->bind_param(1, $value, SQL_BLOB());
    $sth->execute;
    my ($back) = $dbh->selectrow_array('SELECT v FROM big WHERE id = 1');
    die 'SHA-256 differs: ' . length($back) . ' bytes, expected ' . length($value) . "\n"
        unless sha256_hex($back) eq sha256_hex($value);
};
check('large-value-20mib', sub { $large->($dbh) });
check('large-value-20mib-prepared', sub { $large->($sp) });

feature_check('multi-statements', 'multi-statements', sub {
    my $m = connect_db(database => $DB, multi => 1);
    my $sth = $m->prepare('SELECT 1; SELECT 2, 3');
    $sth->execute;
    my @got;
    do { push @got, map { join(',', @$_) } @{ $sth->fetchall_arrayref }; } while ($sth->more_results);
    expect_eq(join(' | ', @got), '1 | 2,3', 'result sets');
    $m->disconnect;
});
feature_check('compression', 'compress', sub {
    my $c = connect_db(database => $DB, compress => 1);
    my $sth = $c->prepare('SELECT X FROM SYSTEM_RANGE(1, 20000)');
    $sth->execute;
    my $rows = $sth->fetchall_arrayref;
    die 'rows ' . scalar(@$rows) . ", expected 20000\n" unless @$rows == 20000;
    expect_eq(scalar $c->selectrow_array("SELECT REPEAT('ab', 100000)"), 'ab' x 100000, 'a 200 KB value');
    $c->disconnect;
});
feature_check('tls', 'tls', sub {
    my $t = connect_db(database => $DB, tls => 1);
    expect_eq($t->selectrow_array('SELECT CURRENT_USER()'), 'root@localhost', 'CURRENT_USER() over TLS');
    $t->disconnect;
});

unless ($blocked) {
    $dbh->do("DROP DATABASE IF EXISTS $DB");
    $dbh->do("DROP DATABASE IF EXISTS ${DB}_other");
    $sp->disconnect;
    $dbh->disconnect;
}
exit 0;
