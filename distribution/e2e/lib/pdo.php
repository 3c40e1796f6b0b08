<?php
// PDO_mysql (on mysqlnd) for php-pdo-emulated.php and php-pdo-native.php. With
// ATTR_EMULATE_PREPARES (pdo_mysql's default) PDO interpolates parameters into the SQL text
// itself; without it every prepare()/query() is a server-side prepared statement
// (COM_STMT_PREPARE, binary rows), including USE, SHOW and DDL, while exec() stays a COM_QUERY.
declare(strict_types=1);
require_once __DIR__ . '/e2e.php';

final class PdoConn extends Conn {
    public function __construct(private PDO $pdo, private bool $emulated) {}

    private static function rows(PDOStatement $stmt): array {
        $rows = [];
        do {
            // a statement without a result set has no columns: no fetch
            if ($stmt->columnCount() > 0) $rows = $stmt->fetchAll(PDO::FETCH_NUM);
        } while (false);
        $stmt->closeCursor();
        return $rows;
    }

    public function query(string $sql): array {
        // text protocol for both: exec() for statements without rows, query() with emulation
        if (!preg_match('/^\s*(SELECT|SHOW)\b/i', $sql)) {
            $this->pdo->exec($sql);
            return [];
        }
        $this->pdo->setAttribute(PDO::ATTR_EMULATE_PREPARES, true);
        try {
            return self::rows($this->pdo->query($sql));
        } finally {
            $this->pdo->setAttribute(PDO::ATTR_EMULATE_PREPARES, $this->emulated);
        }
    }

    private function run(string $sql, array $params, array $types): array {
        $stmt = $this->pdo->prepare($sql);
        foreach ($params as $i => $value) {
            $type = match (true) {
                $value === null => PDO::PARAM_NULL,
                ($types[$i] ?? '') === 'b' => PDO::PARAM_LOB,
                is_int($value) => PDO::PARAM_INT,
                default => PDO::PARAM_STR,
            };
            $stmt->bindValue($i + 1, is_float($value) ? sprintf('%.17g', $value) : $value, $type);
        }
        $stmt->execute();
        return self::rows($stmt);
    }

    public function queryParams(string $sql, array $params): array {
        return $this->run($sql, $params, []);
    }

    public function prepared(string $sql, array $params, array $types): array {
        return $this->run($sql, $params, $types);
    }

    public function prepareAny(string $sql): array {
        // what applications do: query() for everything, a server-side prepare without emulation
        return self::rows($this->pdo->query($sql));
    }

    public function stream(string $sql, callable $onRow): void {
        $this->pdo->setAttribute(PDO::MYSQL_ATTR_USE_BUFFERED_QUERY, false);
        try {
            $stmt = $this->pdo->query($sql);
            while (($row = $stmt->fetch(PDO::FETCH_NUM)) !== false) $onRow($row);
            $stmt->closeCursor();
        } finally {
            $this->pdo->setAttribute(PDO::MYSQL_ATTR_USE_BUFFERED_QUERY, true);
        }
    }

    public function multiQuery(string $sql): array {
        // a COM_QUERY (emulated prepares) for both: MySQL prepares one statement only, and
        // refuses several in a COM_STMT_PREPARE with 1064, so native PDO cannot send them
        $this->pdo->setAttribute(PDO::ATTR_EMULATE_PREPARES, true);
        try {
            $stmt = $this->pdo->query($sql);
            $results = [];
            do {
                $results[] = $stmt->columnCount() > 0 ? $stmt->fetchAll(PDO::FETCH_NUM) : [];
            } while ($stmt->nextRowset());
            $stmt->closeCursor();
            return $results;
        } finally {
            $this->pdo->setAttribute(PDO::ATTR_EMULATE_PREPARES, $this->emulated);
        }
    }

    public function begin(): void { $this->pdo->beginTransaction(); }
    public function commit(): void { $this->pdo->commit(); }
    public function rollback(): void { $this->pdo->rollBack(); }
    public function quote(string $value): string { return $this->pdo->quote($value, PDO::PARAM_LOB); }
    public function close(): void { /* PDO closes when the last reference goes */ }
}

final class PdoDriver extends Driver {
    public function __construct(private bool $emulated) {}

    public function can(): array { return $this->emulated ? ['params'] : ['prepared', 'prepare-any']; }

    public function connect(array $options = []): Conn {
        $dsn = 'mysql:host=' . e2e_host() . ';port=' . e2e_port() . ';charset=' . ($options['charset'] ?? 'utf8mb4');
        if (isset($options['database'])) $dsn .= ';dbname=' . $options['database'];
        $attributes = [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_EMULATE_PREPARES => $this->emulated,
            PDO::ATTR_TIMEOUT => 10,
        ];
        if (!empty($options['compress'])) $attributes[PDO::MYSQL_ATTR_COMPRESS] = true;
        if (!empty($options['tls'])) {
            // TLS with the server's own certificate, not verified
            $attributes[PDO::MYSQL_ATTR_SSL_CIPHER] = 'DEFAULT';
            $attributes[PDO::MYSQL_ATTR_SSL_VERIFY_SERVER_CERT] = false;
        }
        if (isset($options['ca'])) {
            $attributes[PDO::MYSQL_ATTR_SSL_CA] = $options['ca'];
            $attributes[PDO::MYSQL_ATTR_SSL_VERIFY_SERVER_CERT] = true;
        }
        $pdo = new PDO($dsn, $options['user'] ?? E2E_USER, $options['password'] ?? '', $attributes);
        return new PdoConn($pdo, $this->emulated);
    }

    public function errorOf(Throwable $e): array {
        if (!($e instanceof PDOException)) return [null, null];
        if ($e->errorInfo) return [(int) $e->errorInfo[1], $e->errorInfo[0]];
        // a failed connect: no errorInfo, the message is "SQLSTATE[HY000] [1045] ..."
        return preg_match('/^SQLSTATE\[(\w+)\] \[(\d+)\]/', $e->getMessage(), $m) ? [(int) $m[2], $m[1]] : [null, null];
    }
}
