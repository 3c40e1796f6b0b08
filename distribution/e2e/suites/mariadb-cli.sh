#!/usr/bin/env bash
# The MariaDB command-line tools (Debian mariadb-client): `mariadb` in batch mode,
# `mariadb-admin ping`, `mariadb-dump` and reloading the dump with `mariadb`.
#
# Not covered here, because these tools cannot do it: parameters and server-side prepared
# statements (types-params, types-prepared) and a 20 MiB value bound as a parameter
# (large-value-20mib).
set -u
SUITE=mariadb-cli
HOST=${PORPOISE_HOST:-127.0.0.1}
PORT=${PORPOISE_PORT:-3306}
DB=e2e_mariadb_cli

emit_fail() { # check reason...
  local reason
  reason=$(printf '%s' "$2" | tr '\n\t\r' '   ' | sed 's/  */ /g; s/^ //; s/ $//' | cut -c1-600)
  echo "FAIL $SUITE $1: $reason"
}

for tool in mariadb mariadb-admin mariadb-dump; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [ -n "${CI:-}" ]; then
      emit_fail library-installed "$tool is not installed (apt-get install mariadb-client)"
    else
      echo "skip $SUITE: $tool is not installed (apt-get install mariadb-client)"
    fi
    exit 0
  fi
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# --no-defaults first: no ~/.my.cnf or /etc/mysql settings leak into the run.
CONN=(--no-defaults -h"$HOST" -P"$PORT" -uroot --skip-ssl)
sql() { mariadb "${CONN[@]}" --connect-timeout=10 --default-character-set=utf8mb4 -N -B "$@"; }

# check NAME FUNCTION [ARGS]: FUNCTION prints the reason and returns non-zero on failure.
check() {
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then
    echo "ok $SUITE $name"
  else
    emit_fail "$name" "${out:-exit status $?}"
    return 1
  fi
}

expect_eq() { # got want what
  if [ "$1" != "$2" ]; then
    echo "$3: got '$1', expected '$2'"
    return 1
  fi
}

# expect_error ERRNO SQLSTATE mariadb-args...: the client prints "ERROR errno (sqlstate) ...".
expect_error() {
  local errno=$1 state=$2 err
  shift 2
  if err=$("$@" 2>&1 >/dev/null); then
    echo "succeeded, expected ERROR $errno ($state)"
    return 1
  fi
  # (on an error the client echoes the statement between dashes first)
  err=$(printf '%s\n' "$err" | grep -m1 '^ERROR ')
  case "$err" in
    "ERROR $errno ($state)"*) return 0 ;;
    *) echo "got: ${err:-no ERROR line}; expected ERROR $errno ($state)"; return 1 ;;
  esac
}

# --- login --------------------------------------------------------------------------------
login() { expect_eq "$(sql -e 'SELECT CURRENT_USER()')" "root@localhost" "CURRENT_USER()"; }
login_wrong_password() { expect_error 1045 28000 sql -pnope -e 'SELECT 1'; }
# libmariadb's caching_sha2_password plugin: the full authentication sends the password over
# TLS, verified against the CA the server generated
login_password() {
  local user=${E2E_SHA2_USER:-e2e_sha2} password=${E2E_SHA2_PASSWORD:-}
  [ -n "$password" ] || { echo "no password for the e2e accounts (E2E_SHA2_PASSWORD unset)"; return 1; }
  expect_eq "$(mariadb --no-defaults -h"$HOST" -P"$PORT" -u"$user" -p"$password" --connect-timeout=10 \
      --ssl --ssl-ca="${PORPOISE_CA:-}" --ssl-verify-server-cert -N -B -e 'SELECT CURRENT_USER()')" \
    "$user@%" "CURRENT_USER()"
}
check login login
check login-password login_password
check login-wrong-password login_wrong_password

# --- use-db: a database in the handshake (-D) and USE (COM_INIT_DB from the client) ---------
use_db() {
  sql -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB;
          DROP DATABASE IF EXISTS ${DB}_other; CREATE DATABASE ${DB}_other" || return 1
  expect_eq "$(sql -D "$DB" -e 'SELECT DATABASE()')" "$DB" "DATABASE() with -D" || return 1
  expect_eq "$(sql -D "$DB" -e "USE ${DB}_other; SELECT DATABASE()")" "${DB}_other" "DATABASE() after USE"
}
check use-db use_db

# --- types-text: SQL literals in, text result out ----------------------------------------
HEX=$(for i in $(seq 0 255); do printf '%02X' "$i"; done)
TEXT='Grüße 🐬 𝄞 ok'
types_text() {
  sql -D "$DB" -e "DROP TABLE IF EXISTS types_text;
    CREATE TABLE types_text (id INT PRIMARY KEY, i INT, bi BIGINT, bu BIGINT UNSIGNED,
      de DECIMAL(30,10), db DOUBLE, s VARCHAR(50), b BLOB, d DATE, t TIME, dt DATETIME(6), n INT);
    INSERT INTO types_text VALUES (1, -2147483648, -9223372036854775808, 18446744073709551615,
      12345678901234567890.0123456789, 6.02214076e23, '$TEXT', X'$HEX', '2024-02-29', '13:07:59',
      '2024-02-29 13:45:07.123456', NULL);
    INSERT INTO types_text (id) VALUES (2);" || return 1
  local got want
  # --binary-as-hex prints binary (charset 63) columns as 0x...; this client prints a NULL
  # as "0x" under it, so the NULL row is read without it.
  got=$(sql -D "$DB" --binary-as-hex -e "SELECT i, bi, bu, de, db, s, b, d, t, dt, n FROM types_text WHERE id = 1") || return 1
  got+=$'\n'$(sql -D "$DB" -e "SELECT i, bi, bu, de, db, s, b, d, t, dt, n FROM types_text WHERE id = 2") || return 1
  want=$(printf '%s\t' -2147483648 -9223372036854775808 18446744073709551615 \
    12345678901234567890.0123456789 6.02214076e23 "$TEXT" "0x$HEX" 2024-02-29 13:07:59 \
    "2024-02-29 13:45:07.123456" NULL)
  want=${want%$'\t'}$'\n'"NULL	NULL	NULL	NULL	NULL	NULL	NULL	NULL	NULL	NULL	NULL"
  if [ "$got" != "$want" ]; then
    echo "rows differ: got [$(printf '%s' "$got" | cut -c1-300)] expected [$(printf '%s' "$want" | cut -c1-300)]"
    diff <(printf '%s\n' "$got" | tr '\t' '\n') <(printf '%s\n' "$want" | tr '\t' '\n') | grep '^[<>]' | cut -c1-120
    return 1
  fi
}
check types-text types_text

# --- transactions: a second session must not see uncommitted rows ------------------------
transaction_rollback() {
  sql -D "$DB" -e "DROP TABLE IF EXISTS tx; CREATE TABLE tx (id INT PRIMARY KEY, v VARCHAR(10))" || return 1
  local got
  got=$(sql -D "$DB" -e "BEGIN; INSERT INTO tx VALUES (1, 'gone'); SELECT COUNT(*) FROM tx;
                          ROLLBACK; SELECT COUNT(*) FROM tx;" | tr '\n' ' ') || return 1
  expect_eq "$got" "1 0 " "COUNT(*) inside the transaction, then after ROLLBACK" || return 1
  expect_eq "$(sql -D "$DB" -e 'SELECT COUNT(*) FROM tx')" 0 "rows seen by another session"
}

transaction_commit() {
  # session A is a coprocess fed statement by statement (-n: flush after each query)
  local line rc=0
  coproc SESSION_A { mariadb "${CONN[@]}" --default-character-set=utf8mb4 -N -B -n -D "$DB" 2>&1; }
  echo "BEGIN; INSERT INTO tx VALUES (2, 'kept'); SELECT 'inserted';" >&"${SESSION_A[1]}"
  IFS= read -r -t 20 line <&"${SESSION_A[0]}"
  expect_eq "$line" inserted "session A" || rc=1
  [ $rc = 0 ] && { expect_eq "$(sql -D "$DB" -e 'SELECT COUNT(*) FROM tx')" 0 \
    "uncommitted rows seen by another session" || rc=1; }
  if [ $rc = 0 ]; then
    echo "COMMIT; SELECT 'committed';" >&"${SESSION_A[1]}"
    IFS= read -r -t 20 line <&"${SESSION_A[0]}"
    expect_eq "$line" committed "session A" || rc=1
  fi
  [ $rc = 0 ] && { expect_eq "$(sql -D "$DB" -e 'SELECT v FROM tx WHERE id = 2')" kept \
    "committed row seen by another session" || rc=1; }
  exec {SESSION_A[1]}>&-
  wait "$SESSION_A_PID" 2>/dev/null
  return $rc
}
check transaction-rollback transaction_rollback
check transaction-commit transaction_commit

# --- errors: errno and SQLSTATE as the client prints them --------------------------------
error_duplicate_key() {
  sql -D "$DB" -e "DROP TABLE IF EXISTS dup; CREATE TABLE dup (id INT PRIMARY KEY); INSERT INTO dup VALUES (1)" || return 1
  expect_error 1062 23000 sql -D "$DB" -e 'INSERT INTO dup VALUES (1)'
}
check error-no-such-table expect_error 1146 42S02 sql -D "$DB" -e 'SELECT * FROM no_such_table'
check error-syntax expect_error 1064 42000 sql -D "$DB" -e 'SELEC 1'
check error-duplicate-key error_duplicate_key
check error-unknown-database expect_error 1049 42000 sql -e 'USE no_such_database'

# --- invalid-bytes: a latin1 file fed to a utf8mb4 session --------------------------------
# 0xE9 (a latin1 'é') is no UTF-8: into a VARCHAR column MySQL's 1366, nothing stored; into a
# VARBINARY column the bytes are kept (read back as hex by --binary-as-hex).
invalid_bytes() {
  sql -D "$DB" -e "DROP TABLE IF EXISTS bad_bytes;
    CREATE TABLE bad_bytes (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20))" || return 1
  local err
  if err=$(printf "INSERT INTO bad_bytes (id, s) VALUES (1, 'caf\xE9');\n" | sql -D "$DB" 2>&1 >/dev/null); then
    echo "the insert into VARCHAR succeeded, expected ERROR 1366 (HY000)"
    return 1
  fi
  err=$(printf '%s\n' "$err" | grep -a -m1 '^ERROR ')
  case "$err" in
    "ERROR 1366 (HY000) at line 1: Incorrect string value: '\xE9' for column"*) ;;
    *) echo "got: ${err:-no ERROR line}; expected ERROR 1366 (HY000) ... Incorrect string value: '\xE9' ..."; return 1 ;;
  esac
  expect_eq "$(sql -D "$DB" -e 'SELECT COUNT(*) FROM bad_bytes')" 0 "rows after the refused insert" || return 1
  printf "INSERT INTO bad_bytes (id, b) VALUES (2, 'caf\xE9');\n" | sql -D "$DB" || return 1
  expect_eq "$(sql -D "$DB" --binary-as-hex -e 'SELECT b FROM bad_bytes WHERE id = 2')" 0x636166E9 "VARBINARY read back"
}
check invalid-bytes invalid_bytes

# --- mariadb-admin ------------------------------------------------------------------------
ping() {
  local out
  out=$(mariadb-admin "${CONN[@]}" ping 2>&1) || { echo "$out"; return 1; }
  expect_eq "$out" "mysqld is alive" "mariadb-admin ping"
}
check ping ping

admin_status() {
  local out
  out=$(mariadb-admin "${CONN[@]}" status 2>&1) || { echo "$out"; return 1; }
  case "$out" in
    Uptime:*) return 0 ;;
    *) echo "mariadb-admin status printed: $out"; return 1 ;;
  esac
}
check admin-status admin_status

# --- stream-100k: --quick reads the result row by row (mysql_use_result) ----------------
stream_100k() {
  local got
  got=$(set -o pipefail; sql --quick -e 'SELECT X FROM SYSTEM_RANGE(1, 100000)' |
    awk '{ s += $1; n++ } END { printf "%d %.0f", n, s }') || return 1
  expect_eq "$got" "100000 5000050000" "rows and sum"
}
check stream-100k stream_100k

# --- dump and reload ----------------------------------------------------------------------
DUMP_DB=${DB}_dump
dump() {
  sql -e "DROP DATABASE IF EXISTS $DUMP_DB; CREATE DATABASE $DUMP_DB" || return 1
  sql -D "$DUMP_DB" -e "
    CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, note TEXT);
    INSERT INTO customer VALUES (1, 'O''Brien', NULL), (2, 'back\\\\slash \"dq\" Grüße 🐬', 'line1\nline2'),
      (3, 'tab\there', '');
    CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, amount DECIMAL(10,2), placed DATETIME(6),
      payload BLOB, KEY customer_idx (customer_id));
    INSERT INTO orders VALUES (10, 1, 12.50, '2024-01-02 03:04:05.678901', X'00275C0AFF'),
      (11, NULL, NULL, NULL, NULL), (12, 2, -0.01, '1999-12-31 23:59:59.000000', X'');" || return 1
  local err
  if ! mariadb-dump "${CONN[@]}" "$DUMP_DB" >"$WORK/dump.sql" 2>"$WORK/dump.err"; then
    echo "mariadb-dump failed: $(cat "$WORK/dump.err")"
    return 1
  fi
  err=$(cat "$WORK/dump.err")
  [ -z "$err" ] || { echo "mariadb-dump reported: $err"; return 1; }
  grep -q 'INSERT INTO `orders`' "$WORK/dump.sql" || { echo "no INSERT for orders in the dump"; return 1; }
}

dump_reload() {
  sql -e "DROP DATABASE IF EXISTS ${DUMP_DB}_copy; CREATE DATABASE ${DUMP_DB}_copy" || return 1
  sql -D "${DUMP_DB}_copy" <"$WORK/dump.sql" || { echo "reloading the dump failed"; return 1; }
  local table a b
  for table in customer orders; do
    a=$(sql -D "$DUMP_DB" -e "SELECT * FROM $table ORDER BY id" | od -An -tx1) || return 1
    b=$(sql -D "${DUMP_DB}_copy" -e "SELECT * FROM $table ORDER BY id" | od -An -tx1) || return 1
    [ "$a" = "$b" ] || { echo "$table rows differ: original [$a] reloaded [$b]"; return 1; }
    a=$(sql -D "$DUMP_DB" -e "SHOW CREATE TABLE $table") || return 1
    b=$(sql -D "${DUMP_DB}_copy" -e "SHOW CREATE TABLE $table") || return 1
    [ "$a" = "$b" ] || { echo "$table definitions differ: original [$a] reloaded [$b]"; return 1; }
  done
}
# offered FEATURE CHECK FUNCTION: runs the check when the server's handshake offers FEATURE,
# else reports it pending (see the runner).
offered() {
  local feature=$1 name=$2
  shift 2
  if [[ " ${PORPOISE_FEATURES:-} " == *" $feature "* ]]; then
    check "$name" "$@"
  else
    echo "pending $SUITE $name: the server does not offer $feature yet"
  fi
}

# --compress: zlib protocol compression (this CLI has no zstd), confirmed by the server.
compression() {
  expect_eq "$(sql --compress -e "SHOW SESSION STATUS LIKE 'Compression_algorithm'" | cut -f2)" "zlib" "Compression_algorithm"
}
offered compress compression compression

# --ssl with the server's certificate verified against the CA it generated on its first start.
tls() {
  local v
  v=$(mariadb --no-defaults -h"$HOST" -P"$PORT" -uroot --ssl --ssl-verify-server-cert --ssl-ca="$PORPOISE_CA" \
    --connect-timeout=10 -N -B -e "SHOW SESSION STATUS LIKE 'Ssl_version'" | cut -f2) || return 1
  case "$v" in
    TLSv1.2|TLSv1.3) ;;
    *) echo "Ssl_version: '$v' (expected: TLSv1.2 or TLSv1.3)"; return 1 ;;
  esac
}
offered tls tls tls

if check dump dump; then
  check dump-reload dump_reload
else
  emit_fail dump-reload "not run: the dump failed (see the dump check)"
fi

sql -e "DROP DATABASE IF EXISTS $DB; DROP DATABASE IF EXISTS ${DB}_other;
        DROP DATABASE IF EXISTS $DUMP_DB; DROP DATABASE IF EXISTS ${DUMP_DB}_copy" >/dev/null 2>&1
exit 0
