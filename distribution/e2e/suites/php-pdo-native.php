<?php
// PHP PDO_mysql with native prepares (ATTR_EMULATE_PREPARES false; Debian php-mysql): every
// prepare()/query() is a server-side prepared statement (COM_STMT_PREPARE/EXECUTE, binary
// rows), USE and SHOW included; exec() is a COM_QUERY.
declare(strict_types=1);
require __DIR__ . '/../lib/pdo.php';

$suite = new Suite('php-pdo-native');
$suite->requireExtension('pdo_mysql', 'php-mysql');
run_checks($suite, new PdoDriver(false));
