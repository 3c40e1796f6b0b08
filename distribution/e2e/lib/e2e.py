"""Shared helpers for the Python client suites (pymysql.py, mysqlclient.py).

Output protocol (read by distribution/e2e/run): one line per check,
``ok <suite> <check>``, ``FAIL <suite> <check>: <reason>`` or ``pending <suite> <check>: <reason>``
(a feature the server does not offer yet, see Suite.feature_check); ``skip <suite> ...``
only when the client library is missing and CI is not set. Diagnostics go to stderr.
"""
import datetime
import decimal
import hashlib
import os
import random
import sys
import traceback

HOST = os.environ.get("PORPOISE_HOST", "127.0.0.1")
PORT = int(os.environ.get("PORPOISE_PORT", "3306"))
USER = "root"
# Accounts with non-empty passwords, created by the runner (CURRENT_USER() is NAME@%).
NATIVE_USER = os.environ.get("E2E_NATIVE_USER", "e2e_native")  # mysql_native_password
NATIVE_PASSWORD = os.environ.get("E2E_NATIVE_PASSWORD", "")
SHA2_USER = os.environ.get("E2E_SHA2_USER", "e2e_sha2")  # caching_sha2_password
SHA2_PASSWORD = os.environ.get("E2E_SHA2_PASSWORD", "")
CA = os.environ.get("PORPOISE_CA", "")

# The type round trip: one row of exact values (id 1) and one row of NULLs (id 2).
TYPE_COLUMNS = [
    ("i", "INT", -2147483648, "-2147483648"),
    ("bi", "BIGINT", -9223372036854775808, "-9223372036854775808"),
    ("bu", "BIGINT UNSIGNED", 18446744073709551615, "18446744073709551615"),
    ("de", "DECIMAL(30,10)", decimal.Decimal("12345678901234567890.0123456789"),
     "12345678901234567890.0123456789"),
    ("db", "DOUBLE", 6.02214076e23, "6.02214076e23"),
    ("s", "VARCHAR(50)", "Grüße 🐬 𝄞 ok", "'Grüße 🐬 𝄞 ok'"),
    ("b", "BLOB", bytes(range(256)), "X'" + bytes(range(256)).hex() + "'"),
    ("d", "DATE", datetime.date(2024, 2, 29), "'2024-02-29'"),
    ("t", "TIME", datetime.timedelta(hours=13, minutes=7, seconds=59), "'13:07:59'"),
    ("dt", "DATETIME(6)", datetime.datetime(2024, 2, 29, 13, 45, 7, 123456),
     "'2024-02-29 13:45:07.123456'"),
    ("n", "INT", None, "NULL"),
]
TYPE_NAMES = [c[0] for c in TYPE_COLUMNS]
TYPE_VALUES = [c[2] for c in TYPE_COLUMNS]
TYPE_DDL = ("(id INT PRIMARY KEY, "
            + ", ".join(f"{name} {sqltype}" for name, sqltype, _, _ in TYPE_COLUMNS) + ")")
TYPE_LITERALS = ", ".join(c[3] for c in TYPE_COLUMNS)
TYPE_SELECT = "SELECT " + ", ".join(TYPE_NAMES) + " FROM {table} ORDER BY id"

STREAM_ROWS = 100000
STREAM_SQL = f"SELECT X FROM SYSTEM_RANGE(1, {STREAM_ROWS})"
STREAM_SUM = STREAM_ROWS * (STREAM_ROWS + 1) // 2

LARGE_SIZE = 20 * 1024 * 1024


def large_value():
    return random.Random(20).randbytes(LARGE_SIZE)


class CheckFailed(Exception):
    pass


def expect(cond, message):
    if not cond:
        raise CheckFailed(message)


def expect_equal(got, want, what):
    if got != want or type(got) is not type(want):
        raise CheckFailed(f"{what}: got {short(got)} ({type(got).__name__}), "
                          f"expected {short(want)} ({type(want).__name__})")


def short(value, limit=80):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"...({len(text)} chars)"


def bytes_difference(got, want):
    """'N bytes, expected M; first difference at byte K: got .. expected ..' for two bytes values."""
    k = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    return (f"{len(got)} bytes, expected {len(want)}; first difference at byte {k}: "
            f"got {got[k:k + 6].hex(' ') or 'end'} expected {want[k:k + 6].hex(' ') or 'end'}")


def compare_type_rows(rows, normalize=lambda name, value: value):
    """rows: sequence of 2 tuples as returned for TYPE_SELECT. Raises CheckFailed listing
    every column that differs."""
    expect(len(rows) == 2, f"expected 2 rows, got {len(rows)}")
    problems = []
    for name, want, got in zip(TYPE_NAMES, TYPE_VALUES, rows[0]):
        got = normalize(name, got)
        if isinstance(got, bytes) and isinstance(want, bytes) and got != want:
            problems.append(f"{name} {bytes_difference(got, want)}")
        elif got != want or type(got) is not type(want):
            problems.append(f"{name} got {short(got, 60)} expected {short(want, 60)}")
    for name, got in zip(TYPE_NAMES, rows[1]):
        if got is not None:
            problems.append(f"{name} (NULL row) got {short(got, 60)}")
    expect(not problems, "; ".join(problems))


class Suite:
    def __init__(self, name):
        self.name = name
        self.database = "e2e_" + name.replace("-", "_")
        self.blocked = None  # when set, every later check FAILs with this reason, unrun

    def emit(self, line):
        print(line, flush=True)

    def missing_library(self, what, install_hint):
        reason = f"{what} is not installed ({install_hint})"
        if os.environ.get("CI"):
            self.emit(f"FAIL {self.name} library-installed: {reason}")
        else:
            self.emit(f"skip {self.name}: {reason}")
        sys.exit(0)

    def check(self, check, fn, *args):
        """Runs fn(*args); prints ok or FAIL. Returns True when the check passed."""
        if self.blocked:
            self.fail(check, self.blocked)
            return False
        try:
            fn(*args)
        except CheckFailed as e:
            self.fail(check, str(e))
            return False
        except Exception as e:  # a client exception is a failed check, not a crash
            traceback.print_exc(file=sys.stderr)
            self.fail(check, f"{type(e).__name__}: {e}")
            return False
        self.emit(f"ok {self.name} {check}")
        return True

    def feature_check(self, check, feature, fn, *args):
        """A check of an optional protocol feature (tls, compress, multi-statements): runs when
        the server offers it (PORPOISE_FEATURES, read from its handshake by the runner) or
        E2E_PENDING is set; otherwise it is reported as pending."""
        offered = os.environ.get("PORPOISE_FEATURES", "").split()
        if feature not in offered and not os.environ.get("E2E_PENDING") and not self.blocked:
            self.emit(f"pending {self.name} {check}: the server does not offer {feature} yet")
            return False
        return self.check(check, fn, *args)

    def fail(self, check, reason):
        reason = " ".join(str(reason).split())
        if len(reason) > 600:
            reason = reason[:600] + "..."
        self.emit(f"FAIL {self.name} {check}: {reason}")


def sha256(data):
    return hashlib.sha256(data).hexdigest()
