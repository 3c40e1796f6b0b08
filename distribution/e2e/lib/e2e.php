<?php
// Shared code of the PHP client suites (php-mysqli.php, php-pdo-emulated.php,
// php-pdo-native.php). PHP's mysqli and pdo_mysql both sit on mysqlnd, PHP's own
// implementation of the protocol (not libmariadb).
//
// Output protocol (read by distribution/e2e/run): one line per check,
// `ok <suite> <check>`, `FAIL <suite> <check>: <reason>`, `pending <suite> <check>: <reason>`
// (a feature the server does not offer yet, see Suite::feature); `skip <suite> ...` only when
// the extension is missing and CI is not set. Diagnostics go to stderr.
//
// A suite hands run_checks() a Driver: connect() returns a Conn, whose methods are the
// library's own calls (see Conn). A Conn returns null from an optional method it cannot do;
// run_checks() then leaves that check out.

declare(strict_types=1);

const E2E_USER = 'root';
const STREAM_ROWS = 100000;
const LARGE_SIZE = 20 * 1024 * 1024;

function e2e_host(): string { return getenv('PORPOISE_HOST') ?: '127.0.0.1'; }
function e2e_port(): int { return (int) (getenv('PORPOISE_PORT') ?: 3306); }
// Accounts with non-empty passwords, created by the runner (CURRENT_USER() is NAME@%).
function e2e_sha2_account(): array { return [getenv('E2E_SHA2_USER') ?: 'e2e_sha2', (string) getenv('E2E_SHA2_PASSWORD')]; }
function e2e_ca(): string { return (string) getenv('PORPOISE_CA'); }

final class CheckFailed extends Exception {}
final class Pending extends Exception {}

function expect(bool $cond, string $message): void {
    if (!$cond) throw new CheckFailed($message);
}

function show($v): string {
    if ($v === null) return 'NULL';
    if (is_string($v)) {
        $s = strlen($v) > 40 ? substr($v, 0, 40) . '...(' . strlen($v) . ' bytes)' : $v;
        return (preg_match('//u', $s) ? json_encode($s, JSON_UNESCAPED_UNICODE) : '0x' . bin2hex($s)) . ' (string)';
    }
    return var_export($v, true) . ' (' . gettype($v) . ')';
}

// The type round trip: [name, SQL type, SQL literal, expected value, parameter value, bind type].
// Expected integers and decimals are strings: what is read back must print exactly as them
// (mysqlnd returns strings from the text protocol and ints from binary rows when they fit).
function type_columns(): array {
    $blob = implode('', array_map('chr', range(0, 255)));
    $text = 'Grüße 🐬 𝄞 ok';
    return [
        ['i', 'INT', '-2147483648', '-2147483648', -2147483648, 'i'],
        ['bi', 'BIGINT', '-9223372036854775808', '-9223372036854775808', PHP_INT_MIN, 'i'],
        ['bu', 'BIGINT UNSIGNED', '18446744073709551615', '18446744073709551615', '18446744073709551615', 's'],
        ['de', 'DECIMAL(30,10)', '12345678901234567890.0123456789', '12345678901234567890.0123456789',
            '12345678901234567890.0123456789', 's'],
        ['db', 'DOUBLE', '6.02214076e23', 6.02214076e23, 6.02214076e23, 'd'],
        ['s', 'VARCHAR(50)', "'$text'", $text, $text, 's'],
        ['b', 'BLOB', "X'" . bin2hex($blob) . "'", $blob, $blob, 'b'],
        ['d', 'DATE', "'2024-02-29'", '2024-02-29', '2024-02-29', 's'],
        ['t', 'TIME', "'13:07:59'", '13:07:59', '13:07:59', 's'],
        ['dt', 'DATETIME(6)', "'2024-02-29 13:45:07.123456'", '2024-02-29 13:45:07.123456',
            '2024-02-29 13:45:07.123456', 's'],
        ['n', 'INT', 'NULL', null, null, 'i'],
    ];
}

function type_ddl(): string {
    return '(id INT PRIMARY KEY, ' . implode(', ', array_map(fn($c) => "$c[0] $c[1]", type_columns())) . ')';
}

function type_select(string $table, string $where = ''): string {
    return 'SELECT ' . implode(', ', array_column(type_columns(), 0)) . " FROM $table$where ORDER BY id";
}

function same($got, $want): bool {
    if ($want === null) return $got === null;
    if (is_float($want)) return (is_float($got) || is_string($got) || is_int($got)) && (float) $got === $want;
    if (is_int($got)) return (string) $got === $want; // an integer column read as a PHP int
    return $got === $want;
}

function compare_type_rows(array $rows): void {
    expect(count($rows) === 2, 'expected 2 rows, got ' . count($rows));
    $problems = [];
    foreach (type_columns() as $i => [$name, , , $want]) {
        $got = $rows[0][$i];
        if (!same($got, $want)) {
            if (is_string($got) && is_string($want) && $name === 'b') {
                $k = strspn($got ^ $want, "\0");
                $problems[] = "$name " . strlen($got) . ' bytes, expected ' . strlen($want)
                    . "; first difference at byte $k";
            } else {
                $problems[] = "$name got " . show($got) . ' expected ' . show($want);
            }
        }
        if ($rows[1][$i] !== null) $problems[] = "$name (NULL row) got " . show($rows[1][$i]);
    }
    expect(!$problems, implode('; ', $problems));
}

/** A connection, as the library offers it (optional calls: see Driver::can()). */
abstract class Conn {
    /** Rows (lists) of a statement run as text (COM_QUERY); [] for a statement without result. */
    abstract public function query(string $sql): array;
    /** Parameters interpolated by the library (text protocol). */
    public function queryParams(string $sql, array $params): array { throw new LogicException('no params'); }
    /** A server-side prepared statement (binary protocol); $types as mysqli's bind_param. */
    public function prepared(string $sql, array $params, array $types): array { throw new LogicException('no prepared'); }
    /** Unbuffered result, row by row: calls $onRow for each row. */
    abstract public function stream(string $sql, callable $onRow): void;
    /** Any statement as a server-side prepared statement, the way the library sends it. */
    public function prepareAny(string $sql): array { throw new LogicException('no prepare-any'); }
    /** COM_INIT_DB. */
    public function selectDb(string $db): void { throw new LogicException('no select-db'); }
    /** COM_PING; false when the server did not answer. */
    public function ping(): bool { throw new LogicException('no ping'); }
    /** COM_CHANGE_USER. */
    public function changeUser(string $user, string $password, string $db): void { throw new LogicException('no change-user'); }
    /** The result sets (lists of rows) of one multi-statement query. */
    abstract public function multiQuery(string $sql): array;
    abstract public function begin(): void;
    abstract public function commit(): void;
    abstract public function rollback(): void;
    /** Escapes a binary string for the SQL text (the 20 MiB value without parameters). */
    abstract public function quote(string $value): string;
    abstract public function close(): void;
}

abstract class Driver {
    /**
     * What the library can do beyond the basics: 'params' (client-side interpolation),
     * 'prepared' (server-side), 'prepare-any' (the library prepares every statement, USE and
     * SHOW included), 'select-db', 'ping', 'change-user'.
     */
    abstract public function can(): array;
    /** options: user, password, database, charset, compress, tls, ca (TLS verified against this CA) */
    abstract public function connect(array $options = []): Conn;
    /** [errno, SQLSTATE] of a library exception */
    abstract public function errorOf(Throwable $e): array;
}

final class Suite {
    public string $name;
    public string $database;
    public ?string $blocked = null;

    public function __construct(string $name) {
        $this->name = $name;
        $this->database = 'e2e_' . str_replace('-', '_', $name);
    }

    public function requireExtension(string $extension, string $package): void {
        if (extension_loaded($extension)) return;
        $reason = "PHP extension $extension is not loaded (apt-get install $package)";
        if (getenv('CI')) echo "FAIL {$this->name} library-installed: $reason\n";
        else echo "skip {$this->name}: $reason\n";
        exit(0);
    }

    /** Runs $fn; prints ok, FAIL or pending. Returns true when the check passed. */
    public function check(string $check, callable $fn): bool {
        if ($this->blocked !== null) {
            $this->fail($check, $this->blocked);
            return false;
        }
        try {
            $fn();
        } catch (Pending $e) {
            echo "pending {$this->name} $check: " . $e->getMessage() . "\n";
            return false;
        } catch (CheckFailed $e) {
            $this->fail($check, $e->getMessage());
            return false;
        } catch (Throwable $e) {
            fwrite(STDERR, "$check: $e\n");
            $this->fail($check, get_class($e) . ': ' . $e->getMessage());
            return false;
        }
        echo "ok {$this->name} $check\n";
        return true;
    }

    /**
     * A check of an optional protocol feature (tls, compress, multi-statements): it runs when
     * the server offers the feature (PORPOISE_FEATURES, read from its handshake by the runner)
     * or E2E_PENDING is set; otherwise it is reported as pending.
     */
    public function featureCheck(string $check, string $feature, callable $fn): void {
        $offered = preg_split('/\s+/', getenv('PORPOISE_FEATURES') ?: '', -1, PREG_SPLIT_NO_EMPTY);
        if (!in_array($feature, $offered, true) && !getenv('E2E_PENDING')) {
            if ($this->blocked !== null) $this->fail($check, $this->blocked);
            else echo "pending {$this->name} $check: the server does not offer $feature yet\n";
            return;
        }
        $this->check($check, $fn);
    }

    public function fail(string $check, string $reason): void {
        $reason = trim(preg_replace('/\s+/', ' ', $reason));
        if (strlen($reason) > 600) $reason = substr($reason, 0, 600) . '...';
        echo "FAIL {$this->name} $check: $reason\n";
    }
}

/** $message: text the error message must contain (PDO puts "SQLSTATE[...]: ... errno" before it). */
function expect_error(Driver $driver, callable $fn, int $errno, string $sqlstate, ?string $message = null): void {
    try {
        $fn();
    } catch (Throwable $e) {
        if ($e instanceof CheckFailed) throw $e;
        [$gotErrno, $gotState] = $driver->errorOf($e);
        expect($gotErrno === $errno, "errno $gotErrno, expected $errno (" . $e->getMessage() . ')');
        expect($gotState === $sqlstate, "SQLSTATE $gotState, expected $sqlstate (" . $e->getMessage() . ')');
        expect($message === null || str_contains($e->getMessage(), $message),
            'message ' . show($e->getMessage()) . ', expected one with ' . show($message));
        return;
    }
    throw new CheckFailed("succeeded, expected error $errno");
}

function scalar(Conn $conn, string $sql) {
    $rows = $conn->query($sql);
    return $rows ? $rows[0][0] : null;
}

function expect_same($got, $want, string $what): void {
    expect(same($got, $want), "$what: got " . show($got) . ', expected ' . show($want));
}

/** The checks every PHP suite runs. */
function run_checks(Suite $suite, Driver $driver): void {
    $db = $suite->database;
    $closing = function (Conn $conn, callable $fn) {
        try {
            return $fn($conn);
        } finally {
            $conn->close();
        }
    };

    $loggedIn = $suite->check('login', function () use ($driver, $closing) {
        $closing($driver->connect(), fn($c) => expect_same(scalar($c, 'SELECT CURRENT_USER()'),
            'root@localhost', 'CURRENT_USER()'));
    });
    // mysqlnd does caching_sha2_password: the full authentication sends the password over TLS,
    // here verified against the CA the server generated
    $suite->check('login-password', function () use ($driver, $closing) {
        [$user, $password] = e2e_sha2_account();
        expect($password !== '', 'no password for the e2e accounts (E2E_SHA2_PASSWORD unset)');
        $closing($driver->connect(['user' => $user, 'password' => $password, 'ca' => e2e_ca()]),
            fn($c) => expect_same(scalar($c, 'SELECT CURRENT_USER()'), "$user@%", 'CURRENT_USER()'));
    });
    $suite->check('login-wrong-password', function () use ($driver) {
        try {
            $conn = $driver->connect(['password' => 'nope']);
        } catch (Throwable $e) {
            [$errno, $state] = $driver->errorOf($e);
            // errno only: mysqlnd replaces the SQLSTATE of an ERR during authentication by HY000
            // (mysqlnd_auth_handshake: SET_CLIENT_ERROR(..., UNKNOWN_SQLSTATE, ...)), with MySQL too
            expect($errno === 1045, "errno $errno, expected 1045 (" . $e->getMessage() . ')');
            return;
        }
        $conn->close();
        throw new CheckFailed("login with password 'nope' succeeded");
    });
    if (!$loggedIn) $suite->blocked = 'not run: cannot log in (see the login check)';

    $canSelectDb = in_array('select-db', $driver->can(), true);
    $suite->check('use-db', function () use ($driver, $db, $closing, $canSelectDb) {
        $closing($driver->connect(), function (Conn $c) use ($db, $canSelectDb) {
            $c->query("DROP DATABASE IF EXISTS $db");
            $c->query("CREATE DATABASE $db");
            $c->query("DROP DATABASE IF EXISTS {$db}_other");
            $c->query("CREATE DATABASE {$db}_other");
            if ($canSelectDb) {
                $c->selectDb($db);
                expect_same(scalar($c, 'SELECT DATABASE()'), $db, 'DATABASE() after select_db');
            }
            $c->query("USE {$db}_other");
            expect_same(scalar($c, 'SELECT DATABASE()'), "{$db}_other", 'DATABASE() after USE');
            $c->query("USE $db");
            expect_same(scalar($c, 'SELECT DATABASE()'), $db, 'DATABASE() after USE');
        });
        $closing($driver->connect(['database' => "{$db}_other"]), fn($c) =>
            expect_same(scalar($c, 'SELECT DATABASE()'), "{$db}_other", 'DATABASE() after connect'));
    });

    $conn = $suite->blocked ? null : $driver->connect(['database' => $db]);
    $columns = type_columns();
    $params = array_column($columns, 4);
    $nulls = array_fill(0, count($columns), null);
    $types = 'i' . implode('', array_column($columns, 5));
    $marks = implode(', ', array_fill(0, count($columns) + 1, '?'));

    $suite->check('types-text', function () use ($conn, $columns) {
        $conn->query('DROP TABLE IF EXISTS types_text');
        $conn->query('CREATE TABLE types_text ' . type_ddl());
        $conn->query('INSERT INTO types_text VALUES (1, ' . implode(', ', array_column($columns, 2)) . ')');
        $conn->query('INSERT INTO types_text (id) VALUES (2)');
        compare_type_rows($conn->query(type_select('types_text')));
    });

    $can = array_flip($driver->can());
    if (isset($can['params'])) {
        $suite->check('types-params', function () use ($conn, $params, $nulls, $marks) {
            $conn->query('DROP TABLE IF EXISTS types_params');
            $conn->query('CREATE TABLE types_params ' . type_ddl());
            $conn->queryParams("INSERT INTO types_params VALUES ($marks)", [1, ...$params]);
            $conn->queryParams("INSERT INTO types_params VALUES ($marks)", [2, ...$nulls]);
            compare_type_rows($conn->queryParams(type_select('types_params', ' WHERE bu = ? OR id = ?'),
                [$params[2], 2]));
        });
    }

    $hasPrepared = isset($can['prepared']);
    if ($hasPrepared) {
        $suite->check('types-prepared', function () use ($conn, $params, $nulls, $marks, $types) {
            $conn->query('DROP TABLE IF EXISTS types_prepared');
            $conn->query('CREATE TABLE types_prepared ' . type_ddl());
            $conn->prepared("INSERT INTO types_prepared VALUES ($marks)", [1, ...$params], str_split($types));
            $conn->prepared("INSERT INTO types_prepared VALUES ($marks)", [2, ...$nulls], str_split($types));
            compare_type_rows($conn->prepared(type_select('types_prepared', ' WHERE bu = ? OR id = ?'),
                [$params[2], 2], ['s', 'i']));
        });
        $suite->check('types-prepared-read-text-written', fn() =>
            compare_type_rows($conn->prepared(type_select('types_text', ' WHERE id IN (?, ?)'), [1, 2], ['i', 'i'])));
    }

    if (isset($can['prepare-any'])) {
        $suite->check('prepared-any-statement', function () use ($conn, $db) {
            // statements that are not SELECT/INSERT, through COM_STMT_PREPARE as the library sends them
            $conn->prepareAny("USE {$db}_other");
            expect_same($conn->prepareAny('SELECT DATABASE()')[0][0] ?? null, "{$db}_other", 'DATABASE() after USE');
            $conn->prepareAny("USE $db");
            $conn->prepareAny('DROP TABLE IF EXISTS prep_any');
            $conn->prepareAny('CREATE TABLE prep_any (id INT PRIMARY KEY, v VARCHAR(10))');
            $conn->prepareAny("INSERT INTO prep_any VALUES (1, 'a')");
            $conn->prepareAny('SET @prep_any = 42');
            expect_same($conn->prepareAny('SELECT @prep_any')[0][0] ?? null, '42', '@prep_any');
            $tables = array_column($conn->prepareAny('SHOW TABLES'), 0);
            expect(in_array('prep_any', $tables, true), 'SHOW TABLES: ' . implode(', ', $tables));
            $rows = $conn->prepareAny("SHOW VARIABLES LIKE 'max_allowed_packet'");
            expect(count($rows) === 1 && $rows[0][0] === 'max_allowed_packet', 'SHOW VARIABLES: ' . json_encode($rows));
            $conn->prepareAny('DROP TABLE prep_any');
        });
    }

    $suite->check('transaction-rollback', function () use ($driver, $conn, $db, $closing) {
        $closing($driver->connect(['database' => $db]), function (Conn $b) use ($conn) {
            $conn->query('DROP TABLE IF EXISTS tx');
            $conn->query('CREATE TABLE tx (id INT PRIMARY KEY, v VARCHAR(10))');
            $conn->begin();
            $conn->query("INSERT INTO tx VALUES (1, 'gone')");
            expect_same(scalar($conn, 'SELECT COUNT(*) FROM tx'), '1', 'rows inside the transaction');
            $conn->rollback();
            expect_same(scalar($conn, 'SELECT COUNT(*) FROM tx'), '0', 'rows after rollback');
            expect_same(scalar($b, 'SELECT COUNT(*) FROM tx'), '0', 'rows seen by another session');
        });
    });
    $suite->check('transaction-commit', function () use ($driver, $conn, $db, $closing) {
        $closing($driver->connect(['database' => $db]), function (Conn $b) use ($conn) {
            $conn->begin();
            $conn->query("INSERT INTO tx VALUES (2, 'kept')");
            expect_same(scalar($b, 'SELECT COUNT(*) FROM tx'), '0', 'uncommitted rows seen by another session');
            $conn->commit();
            expect_same(scalar($b, 'SELECT v FROM tx WHERE id = 2'), 'kept', 'committed row seen by another session');
        });
    });

    // as a text query, and as a prepared statement where the library has them
    $viaBoth = function (string $sql, int $errno, string $state) use ($driver, $conn, $hasPrepared) {
        expect_error($driver, fn() => $conn->query($sql), $errno, $state);
        if ($hasPrepared) expect_error($driver, fn() => $conn->prepared($sql, [], []), $errno, $state);
    };
    $suite->check('error-no-such-table', fn() => $viaBoth('SELECT * FROM no_such_table', 1146, '42S02'));
    $suite->check('error-syntax', fn() => $viaBoth('SELEC 1', 1064, '42000'));
    $suite->check('error-duplicate-key', function () use ($conn, $viaBoth) {
        $conn->query('DROP TABLE IF EXISTS dup');
        $conn->query('CREATE TABLE dup (id INT PRIMARY KEY)');
        $conn->query('INSERT INTO dup VALUES (1)');
        $viaBoth('INSERT INTO dup VALUES (1)', 1062, '23000');
    });
    $suite->check('error-unknown-database', fn() =>
        expect_error($driver, fn() => $conn->query('USE no_such_database'), 1049, '42000'));

    if (isset($can['ping'])) {
        $suite->check('ping', function () use ($conn) {
            expect($conn->ping(), 'ping returned false');
            expect_same(scalar($conn, 'SELECT 1'), '1', 'SELECT 1 after ping');
        });
    }

    $suite->check('stream-100k', function () use ($conn) {
        $count = 0;
        $sum = 0;
        $conn->stream('SELECT X FROM SYSTEM_RANGE(1, ' . STREAM_ROWS . ')', function (array $row) use (&$count, &$sum) {
            $count++;
            $sum += (int) $row[0];
        });
        expect($count === STREAM_ROWS, "rows $count, expected " . STREAM_ROWS);
        expect($sum === STREAM_ROWS * (STREAM_ROWS + 1) / 2, "sum $sum");
        expect_same(scalar($conn, 'SELECT 2'), '2', 'next query on the connection');
    });

    $large = function (callable $write) use ($conn) {
        $value = random_bytes(LARGE_SIZE);
        $conn->query('DROP TABLE IF EXISTS big');
        $conn->query('CREATE TABLE big (id INT PRIMARY KEY, v LONGBLOB)');
        $write($value);
        $back = scalar($conn, 'SELECT v FROM big WHERE id = 1');
        expect(is_string($back), 'got ' . show($back));
        expect(hash('sha256', $back) === hash('sha256', $value), 'SHA-256 differs: ' . strlen($back)
            . ' bytes, expected ' . strlen($value) . '; first difference at byte ' . strspn($back ^ $value, "\0"));
    };
    // as a parameter where the library interpolates them, else escaped by the library
    $suite->check('large-value-20mib', fn() => $large(fn($v) => isset($can['params'])
        ? $conn->queryParams('INSERT INTO big VALUES (1, ?)', [$v])
        : $conn->query('INSERT INTO big VALUES (1, ' . $conn->quote($v) . ')')));
    if ($hasPrepared) {
        $suite->check('large-value-20mib-prepared', fn() => $large(fn($v) =>
            $conn->prepared('INSERT INTO big VALUES (1, ?)', [$v], ['b'])));
    }

    $suite->check('charset-latin1', function () use ($driver, $conn, $db, $closing, $can, $hasPrepared) {
        // the connection charset latin1 (cp1252 in MySQL): text goes both ways as single bytes
        $text = "Gr\xFC\xDFe \x80"; // Grüße € in cp1252
        $conn->query('DROP TABLE IF EXISTS latin');
        $conn->query('CREATE TABLE latin (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20))');
        $ways = $closing($driver->connect(['database' => $db, 'charset' => 'latin1']), function (Conn $l) use ($text, $can, $hasPrepared) {
            expect_same(scalar($l, 'SELECT @@character_set_client'), 'latin1', '@@character_set_client');
            $l->query("INSERT INTO latin (id, s) VALUES (1, '$text')");
            expect_same(scalar($l, 'SELECT s FROM latin WHERE id = 1'), $text, 'read back as latin1');
            expect_same(scalar($l, "SELECT CHAR_LENGTH('\xFC\xDF')"), '2', 'CHAR_LENGTH of a latin1 literal');
            // into a VARBINARY column a string keeps the client's bytes: latin1, not UTF-8
            $l->query("INSERT INTO latin VALUES (2, '$text', '$text')");
            $ways = [2 => 'a literal'];
            if (isset($can['params'])) {
                $l->queryParams('INSERT INTO latin VALUES (?, ?, ?)', [3, $text, $text]);
                $ways[3] = 'an interpolated parameter';
            }
            if ($hasPrepared) {
                $l->prepared('INSERT INTO latin VALUES (?, ?, ?)', [4, $text, $text], ['i', 's', 's']);
                $ways[4] = 'a prepared statement';
            }
            return $ways;
        });
        expect_same(scalar($conn, 'SELECT s FROM latin WHERE id = 1'), 'Grüße €', 'read back as utf8mb4');
        foreach ($ways as $id => $how) {
            $got = scalar($conn, "SELECT b FROM latin WHERE id = $id");
            expect($got === $text, "VARBINARY from $how: got " . (is_string($got) ? strtoupper(bin2hex($got)) : show($got))
                . ', expected ' . strtoupper(bin2hex($text)) . " (the client's bytes)");
        }
    });

    $suite->check('invalid-bytes', function () use ($driver, $conn, $can, $hasPrepared) {
        // bytes that are no UTF-8 (a latin1 'é', 0xE9) in a string on the utf8mb4 connection: into
        // a VARCHAR column MySQL's 1366, nothing stored; into a VARBINARY column the bytes are kept.
        // As a literal in the SQL text, escaped by the library, as a parameter.
        $bad = "caf\xE9";
        $conn->query('DROP TABLE IF EXISTS bad_bytes');
        $conn->query('CREATE TABLE bad_bytes (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20))');
        $ways = [
            'a literal' => fn($column, $id) => $conn->query("INSERT INTO bad_bytes (id, $column) VALUES ($id, '$bad')"),
            'an escaped string' => fn($column, $id) => $conn->query("INSERT INTO bad_bytes (id, $column) VALUES ($id, "
                . $conn->quote($bad) . ')'),
        ];
        if (isset($can['params'])) {
            $ways['an interpolated parameter'] = fn($column, $id) =>
                $conn->queryParams("INSERT INTO bad_bytes (id, $column) VALUES (?, ?)", [$id, $bad]);
        }
        if ($hasPrepared) {
            $ways['a prepared statement'] = fn($column, $id) =>
                $conn->prepared("INSERT INTO bad_bytes (id, $column) VALUES (?, ?)", [$id, $bad], ['i', 's']);
        }
        $id = 0;
        foreach ($ways as $how => $insert) {
            $id++;
            try {
                expect_error($driver, fn() => $insert('s', $id), 1366, 'HY000', "Incorrect string value: '\\xE9'");
            } catch (CheckFailed $e) {
                throw new CheckFailed("into VARCHAR as $how: " . $e->getMessage());
            }
            expect_same(scalar($conn, "SELECT COUNT(*) FROM bad_bytes WHERE id = $id"), '0', "rows after the refused insert ($how)");
            $insert('b', $id);
            $got = scalar($conn, "SELECT b FROM bad_bytes WHERE id = $id");
            expect($got === $bad, "VARBINARY from $how: got " . show($got) . ', expected ' . show($bad));
        }
    });

    if (isset($can['change-user'])) {
        $suite->check('change-user', function () use ($driver, $db, $closing) {
            // its own connection: a library may give up a connection whose change-user failed
            $closing($driver->connect(['database' => $db]), function (Conn $c) use ($driver, $db) {
                $c->query('SET @before = 1');
                try {
                    $c->changeUser(E2E_USER, '', "{$db}_other");
                } catch (Throwable $e) {
                    if ($driver->errorOf($e)[0] === 1047 && !getenv('E2E_PENDING')) {
                        throw new Pending('the server does not implement COM_CHANGE_USER yet (' . $e->getMessage() . ')');
                    }
                    throw $e;
                }
                expect_same(scalar($c, 'SELECT DATABASE()'), "{$db}_other", 'DATABASE() after change-user');
                expect_same(scalar($c, 'SELECT @before'), null, 'a user variable after change-user');
            });
        });
    }

    $suite->featureCheck('multi-statements', 'multi-statements', function () use ($conn) {
        $results = $conn->multiQuery('SELECT 1; SELECT 2, 3');
        expect(count($results) === 2, 'result sets: ' . count($results) . ', expected 2');
        expect_same($results[0][0][0] ?? null, '1', 'first result');
        expect_same($results[1][0][1] ?? null, '3', 'second result');
        expect_same(scalar($conn, 'SELECT 4'), '4', 'next query on the connection');
    });
    $suite->featureCheck('compression', 'compress', function () use ($driver, $db, $closing) {
        $closing($driver->connect(['database' => $db, 'compress' => true]), function (Conn $c) {
            $count = 0;
            $c->stream('SELECT X FROM SYSTEM_RANGE(1, 20000)', function () use (&$count) { $count++; });
            expect($count === 20000, "rows $count, expected 20000");
            expect_same(scalar($c, "SELECT REPEAT('ab', 100000)"), str_repeat('ab', 100000), 'a 200 KB value');
        });
    });
    $suite->featureCheck('tls', 'tls', function () use ($driver, $db, $closing) {
        $closing($driver->connect(['database' => $db, 'tls' => true]), fn(Conn $c) =>
            expect_same(scalar($c, 'SELECT CURRENT_USER()'), 'root@localhost', 'CURRENT_USER() over TLS'));
    });

    if ($suite->blocked) return;
    $conn->query("DROP DATABASE IF EXISTS $db");
    $conn->query("DROP DATABASE IF EXISTS {$db}_other");
    $conn->close();
}
