<?php
// PHP PDO_mysql with emulated prepares (pdo_mysql's default; Debian php-mysql): PDO
// interpolates the parameters into the SQL text, every statement is a COM_QUERY. PDO has no
// select-db, ping or change-user call.
declare(strict_types=1);
require __DIR__ . '/../lib/pdo.php';

$suite = new Suite('php-pdo-emulated');
$suite->requireExtension('pdo_mysql', 'php-mysql');
run_checks($suite, new PdoDriver(true));
