#!/usr/bin/env bash
# sysbench (Debian sysbench 1.0, its mysql driver on libmariadb) oltp_read_write against the H2
# backend: prepare 2 tables of 10,000 rows, 15 s with 3 threads, cleanup. sysbench sends its
# statements as server-side prepared statements (--db-ps-mode=auto) inside BEGIN/COMMIT; any
# error or reconnect fails the run (--mysql-ignore-errors=none: by default sysbench retries
# deadlocks, 1213). Rows are picked uniformly (--rand-type=uniform): sysbench's default
# "special" distribution sends most writes to a few hot rows, where concurrent transactions
# deadlock now and then (1213/40001, correctly reported, as MySQL does), which would make a
# zero-error check flaky.
set -u
SUITE=sysbench
HOST=${PORPOISE_HOST:-127.0.0.1}
PORT=${PORPOISE_PORT:-3306}
DB=e2e_sysbench
TABLES=2
TABLE_SIZE=10000
THREADS=3
SECONDS_RUN=${E2E_SYSBENCH_TIME:-15}

emit_fail() { # check reason
  echo "FAIL $SUITE $1: $(printf '%s' "$2" | tr '\n\t\r' '   ' | sed 's/  */ /g; s/^ //' | cut -c1-600)"
}
for tool in sysbench mariadb; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    reason="$tool is not installed (apt-get install sysbench mariadb-client)"
    if [ -n "${CI:-}" ]; then emit_fail library-installed "$reason"; else echo "skip $SUITE: $reason"; fi
    exit 0
  fi
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
sql() { mariadb --no-defaults -h"$HOST" -P"$PORT" -uroot --skip-ssl -N -B "$@"; }
OPTS=(--db-driver=mysql --mysql-host="$HOST" --mysql-port="$PORT" --mysql-user=root --mysql-password=
  --mysql-db="$DB" --mysql-ssl=off --tables="$TABLES" --table-size="$TABLE_SIZE" --rand-type=uniform)

expect_eq() { # got want what
  [ "$1" = "$2" ] || { echo "$3: got '$1', expected '$2'"; return 1; }
}

# check NAME FUNCTION: FUNCTION prints the reason and returns non-zero on failure
check() {
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then echo "ok $SUITE $name"; else emit_fail "$name" "${out:-exit status $?}"; return 1; fi
}

prepare() {
  sql -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB" || return 1
  if ! sysbench oltp_read_write "${OPTS[@]}" prepare >"$WORK/prepare.out" 2>&1; then
    tail -5 "$WORK/prepare.out"
    return 1
  fi
  local t n
  for t in $(seq 1 "$TABLES"); do
    n=$(sql -D "$DB" -e "SELECT COUNT(*) FROM sbtest$t") || return 1
    [ "$n" = "$TABLE_SIZE" ] || { echo "sbtest$t has $n rows, expected $TABLE_SIZE"; return 1; }
  done
}

# the run's own counters, an exit status of 0 and nothing that looks like an error
run() {
  if ! sysbench oltp_read_write "${OPTS[@]}" --threads="$THREADS" --time="$SECONDS_RUN" --report-interval=5 \
      --mysql-ignore-errors=none run >"$WORK/run.out" 2>&1; then
    grep -iE 'error|fatal' "$WORK/run.out" | head -5
    tail -3 "$WORK/run.out"
    return 1
  fi
  local tx errors reconnects
  tx=$(sed -n 's/^ *transactions: *\([0-9]*\).*/\1/p' "$WORK/run.out")
  errors=$(sed -n 's/^ *ignored errors: *\([0-9]*\).*/\1/p' "$WORK/run.out")
  reconnects=$(sed -n 's/^ *reconnects: *\([0-9]*\).*/\1/p' "$WORK/run.out")
  [ -n "$tx" ] && [ "$tx" -gt 0 ] || { echo "no transactions: $(tail -20 "$WORK/run.out")"; return 1; }
  [ "$errors" = 0 ] && [ "$reconnects" = 0 ] || { echo "ignored errors $errors, reconnects $reconnects"; return 1; }
  if grep -iE 'error|fatal|warning' "$WORK/run.out" | grep -v 'ignored errors' | grep -q .; then
    grep -iE 'error|fatal|warning' "$WORK/run.out" | grep -v 'ignored errors' | head -5
    return 1
  fi
  # each transaction deletes a row and inserts it again: the row count does not change
  local t n
  for t in $(seq 1 "$TABLES"); do
    n=$(sql -D "$DB" -e "SELECT COUNT(*) FROM sbtest$t") || return 1
    [ "$n" = "$TABLE_SIZE" ] || { echo "after the run sbtest$t has $n rows, expected $TABLE_SIZE"; return 1; }
  done
  echo "$(grep -E '^ *(transactions|queries):' "$WORK/run.out" | tr -s ' ')" >&2
}

cleanup() {
  sysbench oltp_read_write "${OPTS[@]}" cleanup >"$WORK/cleanup.out" 2>&1 || { tail -5 "$WORK/cleanup.out"; return 1; }
  local left
  left=$(sql -D "$DB" -e "SHOW TABLES") || return 1
  [ -z "$left" ] || { echo "tables left after cleanup: $left"; return 1; }
}

# sysbench's own driver (sysbench.sql.driver(), the connection its benchmarks use) logging in as
# the mysql_native_password account with its non-empty password: a Lua script's `prepare`
# command prints CURRENT_USER(). Not as caching_sha2_password: sysbench 1.0's --mysql-ssl=on
# only reads fixed file names (cacert.pem etc. in the working directory), no CA option.
login_password() {
  local user=${E2E_NATIVE_USER:-e2e_native} password=${E2E_NATIVE_PASSWORD:-} got
  [ -n "$password" ] || { echo "no password for the e2e accounts (E2E_NATIVE_PASSWORD unset)"; return 1; }
  cat >"$WORK/login.lua" <<'LUA'
function prepare()
  local con = sysbench.sql.driver():connect()
  print("CURRENT_USER() = " .. con:query_row("SELECT CURRENT_USER()"))
  con:disconnect()
end
LUA
  sql -e "CREATE DATABASE IF NOT EXISTS $DB" || return 1 # the driver's database (prepare recreates it)
  if ! sysbench "$WORK/login.lua" --db-driver=mysql --mysql-host="$HOST" --mysql-port="$PORT" \
      --mysql-user="$user" --mysql-password="$password" --mysql-db="$DB" --mysql-ssl=off prepare >"$WORK/login.out" 2>&1; then
    tail -5 "$WORK/login.out"
    return 1
  fi
  got=$(sed -n 's/^CURRENT_USER() = //p' "$WORK/login.out")
  expect_eq "$got" "$user@%" "CURRENT_USER()"
}

if check sysbench-prepare prepare; then
  check sysbench-oltp-read-write run
  check sysbench-cleanup cleanup
else
  emit_fail sysbench-oltp-read-write "not run: prepare failed (see sysbench-prepare)"
  emit_fail sysbench-cleanup "not run: prepare failed (see sysbench-prepare)"
fi
# last, so that the matrix keeps the sysbench-* rows together at its end
check login-password login_password
sql -e "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
exit 0
