<?php
// PHP mysqli on mysqlnd (Debian php-mysql): query() (text protocol), prepare()/bind_param()
// (server-side prepared statements, binary protocol; a 'b' parameter goes by
// COM_STMT_SEND_LONG_DATA), select_db, ping, change_user, MYSQLI_USE_RESULT streaming.
// mysqli has no client-side parameters: no types-params; the 20 MiB value without a prepared
// statement is escaped with real_escape_string.
declare(strict_types=1);
require __DIR__ . '/../lib/e2e.php';

$suite = new Suite('php-mysqli');
$suite->requireExtension('mysqli', 'php-mysql');
mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT); // errors as mysqli_sql_exception

final class MysqliConn extends Conn {
    public function __construct(private mysqli $m) {}

    private static function rows(mysqli_result|bool $result): array {
        if (!($result instanceof mysqli_result)) return [];
        $rows = $result->fetch_all(MYSQLI_NUM);
        $result->free();
        return $rows;
    }

    public function query(string $sql): array { return self::rows($this->m->query($sql)); }

    public function prepared(string $sql, array $params, array $types): array {
        $stmt = $this->m->prepare($sql);
        try {
            if ($params) {
                $bound = $params;
                $stmt->bind_param(implode('', $types), ...$bound);
                foreach ($types as $i => $type) {
                    // 'b' values go to the server in COM_STMT_SEND_LONG_DATA chunks, as applications send blobs
                    if ($type === 'b' && $params[$i] !== null) {
                        foreach (str_split($params[$i], 1024 * 1024) as $chunk) $stmt->send_long_data($i, $chunk);
                    }
                }
            }
            $stmt->execute();
            $result = $stmt->get_result(); // false for a statement without a result set
            return self::rows($result);
        } finally {
            $stmt->close();
        }
    }

    public function stream(string $sql, callable $onRow): void {
        $result = $this->m->query($sql, MYSQLI_USE_RESULT);
        while (($row = $result->fetch_row()) !== null) $onRow($row);
        $result->free();
    }

    public function selectDb(string $db): void { $this->m->select_db($db); }
    public function ping(): bool { return $this->m->ping(); }
    public function changeUser(string $user, string $password, string $db): void {
        $this->m->change_user($user, $password, $db);
    }

    public function multiQuery(string $sql): array {
        $results = [];
        $this->m->multi_query($sql);
        do {
            $results[] = self::rows($this->m->store_result());
        } while ($this->m->more_results() && $this->m->next_result());
        return $results;
    }

    public function begin(): void { $this->m->begin_transaction(); }
    public function commit(): void { $this->m->commit(); }
    public function rollback(): void { $this->m->rollback(); }
    public function quote(string $value): string { return "'" . $this->m->real_escape_string($value) . "'"; }
    public function close(): void { $this->m->close(); }
}

final class MysqliDriver extends Driver {
    public function can(): array { return ['prepared', 'select-db', 'ping', 'change-user']; }

    public function connect(array $options = []): Conn {
        $m = mysqli_init();
        $m->options(MYSQLI_OPT_CONNECT_TIMEOUT, 10);
        $flags = 0;
        if (!empty($options['compress'])) $flags |= MYSQLI_CLIENT_COMPRESS;
        if (!empty($options['tls'])) {
            $m->ssl_set(null, null, null, null, null);
            $flags |= MYSQLI_CLIENT_SSL | MYSQLI_CLIENT_SSL_DONT_VERIFY_SERVER_CERT; // the server's own certificate
        }
        if (isset($options['ca'])) {
            $m->ssl_set(null, null, $options['ca'], null, null);
            $flags |= MYSQLI_CLIENT_SSL; // verified against the CA
        }
        $m->real_connect(e2e_host(), $options['user'] ?? E2E_USER, $options['password'] ?? '', $options['database'] ?? null,
            e2e_port(), null, $flags);
        $m->set_charset($options['charset'] ?? 'utf8mb4');
        $m->autocommit(true);
        return new MysqliConn($m);
    }

    public function errorOf(Throwable $e): array {
        return $e instanceof mysqli_sql_exception ? [$e->getCode(), $e->getSqlState()] : [null, null];
    }
}

run_checks($suite, new MysqliDriver());
