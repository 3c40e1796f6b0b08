"""The checks shared by the Python DB-API suites (PyMySQL and mysqlclient/MySQLdb).

Both libraries interpolate parameters on the client (escaped literals in a COM_QUERY):
neither has server-side prepared statements, so there is no types-prepared check here.
"""
from e2e import (NATIVE_USER, NATIVE_PASSWORD, SHA2_USER, SHA2_PASSWORD, CheckFailed, expect, expect_equal, compare_type_rows, TYPE_DDL, TYPE_LITERALS,
                 TYPE_NAMES, TYPE_VALUES, TYPE_SELECT, STREAM_SQL, STREAM_ROWS, STREAM_SUM,
                 large_value, sha256, bytes_difference)


class Driver:
    """What differs between the libraries. Subclasses set module and ss_cursor."""
    module = None
    ss_cursor = None  # unbuffered (streaming) cursor class
    has_sqlstate = False
    multi_statements_flag = 0  # the library's CLIENT.MULTI_STATEMENTS
    compress_options = None  # connect() options for protocol compression; None: not supported
    tls_options = {}  # connect() options requiring TLS without verifying the certificate
    # connect() options under which the library logs in with caching_sha2_password (TLS
    # verified against the server's CA); None: it cannot, login-password uses mysql_native_password
    sha2_options = None

    def connect(self, password="", user=None, **kwargs):
        raise NotImplementedError

    def sqlstate(self, conn, exc):
        return None


def expect_error(driver, conn, sql, errno, sqlstate, args=None, message=None):
    cur = conn.cursor()
    try:
        cur.execute(sql, args)
    except driver.module.Error as e:
        got_errno = e.args[0] if e.args else None
        expect(got_errno == errno, f"errno {got_errno} ({e}), expected {errno}")
        if message is not None:
            got_message = e.args[1] if len(e.args) > 1 else ""
            expect(got_message.startswith(message), f"message {got_message!r}, expected {message!r}...")
        if driver.has_sqlstate:
            got = driver.sqlstate(conn, e)
            expect(got == sqlstate, f"SQLSTATE {got!r}, expected {sqlstate!r} ({e})")
        return
    finally:
        cur.close()
    raise CheckFailed(f"{sql[:60]!r} succeeded, expected error {errno}")


def expect_client_bytes(conn, table, want):
    """Rows 2 (SQL literals) and 3 (parameters) of table hold want in VARBINARY column b."""
    for row, how in ((2, "a literal"), (3, "a parameter")):
        got = scalar(conn, f"SELECT b FROM {table} WHERE id = {row}")
        expect(isinstance(got, bytes) and got == want,
               f"VARBINARY from {how}: got {got.hex().upper() if isinstance(got, bytes) else repr(got)}, "
               f"expected {want.hex().upper()} (the client's bytes)")


def scalar(conn, sql, args=None):
    cur = conn.cursor()
    try:
        cur.execute(sql, args)
        row = cur.fetchone()
        return row[0] if row is not None else None
    finally:
        cur.close()


def execute(conn, sql, args=None):
    cur = conn.cursor()
    try:
        cur.execute(sql, args)
    finally:
        cur.close()


def run(suite, driver):
    db = suite.database

    def login():
        conn = driver.connect()
        try:
            expect_equal(scalar(conn, "SELECT CURRENT_USER()"), "root@localhost", "CURRENT_USER()")
        finally:
            conn.close()

    def login_wrong_password():
        try:
            conn = driver.connect(password="nope")
        except driver.module.OperationalError as e:
            # Neither library exposes the SQLSTATE of a failed connect: errno only.
            expect(e.args[0] == 1045, f"errno {e.args[0]} ({e}), expected 1045")
            return
        conn.close()
        raise CheckFailed("login with password 'nope' succeeded")

    def login_password():
        if driver.sha2_options is not None:
            user, password, options = SHA2_USER, SHA2_PASSWORD, driver.sha2_options
        else:
            user, password, options = NATIVE_USER, NATIVE_PASSWORD, {}
        expect(password != "", "no password for the e2e accounts (E2E_*_PASSWORD unset)")
        conn = driver.connect(user=user, password=password, **options)
        try:
            expect_equal(scalar(conn, "SELECT CURRENT_USER()"), user + "@%", "CURRENT_USER()")
        finally:
            conn.close()

    logged_in = suite.check("login", login)
    suite.check("login-password", login_password)
    suite.check("login-wrong-password", login_wrong_password)
    if not logged_in:
        suite.blocked = "not run: cannot log in (see the login check)"

    def connect(**kwargs):
        return None if suite.blocked else driver.connect(**kwargs)

    # select-db (COM_INIT_DB) and USE (a COM_QUERY).
    conn = connect(autocommit=True)

    def use_db():
        execute(conn, f"DROP DATABASE IF EXISTS {db}")
        execute(conn, f"CREATE DATABASE {db}")
        execute(conn, f"DROP DATABASE IF EXISTS {db}_other")
        execute(conn, f"CREATE DATABASE {db}_other")
        conn.select_db(db)
        expect_equal(scalar(conn, "SELECT DATABASE()"), db, "DATABASE() after select_db")
        execute(conn, f"USE {db}_other")
        expect_equal(scalar(conn, "SELECT DATABASE()"), db + "_other", "DATABASE() after USE")
        execute(conn, f"USE {db}")
        expect_equal(scalar(conn, "SELECT DATABASE()"), db, "DATABASE() after USE")

    suite.check("use-db", use_db)
    conn and conn.close()

    conn = connect(database=db, autocommit=True)

    def types_text():
        execute(conn, f"DROP TABLE IF EXISTS types_text")
        execute(conn, f"CREATE TABLE types_text {TYPE_DDL}")
        execute(conn, f"INSERT INTO types_text VALUES (1, {TYPE_LITERALS})")
        execute(conn, "INSERT INTO types_text (id) VALUES (2)")
        cur = conn.cursor()
        cur.execute(TYPE_SELECT.format(table="types_text"))
        compare_type_rows(cur.fetchall())
        cur.close()

    def types_params():
        execute(conn, f"DROP TABLE IF EXISTS types_params")
        execute(conn, f"CREATE TABLE types_params {TYPE_DDL}")
        marks = ", ".join(["%s"] * (1 + len(TYPE_NAMES)))
        cur = conn.cursor()
        cur.execute(f"INSERT INTO types_params VALUES ({marks})", [1] + TYPE_VALUES)
        cur.execute(f"INSERT INTO types_params VALUES ({marks})", [2] + [None] * len(TYPE_NAMES))
        # and back through parameters in a WHERE clause too
        cur.execute(TYPE_SELECT.format(table="types_params").replace(
            " ORDER BY", " WHERE bu = %s OR (id = %s AND b IS NULL) ORDER BY"),
            (18446744073709551615, 2))
        compare_type_rows(cur.fetchall())
        cur.close()

    suite.check("types-text", types_text)
    suite.check("types-params", types_params)
    conn and conn.close()

    def transactions():
        if suite.blocked:
            suite.check("transaction-rollback", None)
            suite.check("transaction-commit", None)
            return
        a = driver.connect(database=db, autocommit=False)
        b = driver.connect(database=db, autocommit=True)
        try:
            execute(a, "DROP TABLE IF EXISTS tx")
            execute(a, "CREATE TABLE tx (id INT PRIMARY KEY, v VARCHAR(10))")
            a.commit()

            def rollback():
                execute(a, "INSERT INTO tx VALUES (1, 'gone')")
                expect_equal(scalar(a, "SELECT COUNT(*) FROM tx"), 1, "rows inside the transaction")
                a.rollback()
                expect_equal(scalar(a, "SELECT COUNT(*) FROM tx"), 0, "rows after rollback")
                expect_equal(scalar(b, "SELECT COUNT(*) FROM tx"), 0, "rows seen by another session")

            def commit():
                execute(a, "INSERT INTO tx VALUES (2, 'kept')")
                expect_equal(scalar(b, "SELECT COUNT(*) FROM tx"), 0,
                             "uncommitted rows seen by another session")
                a.commit()
                expect_equal(scalar(b, "SELECT v FROM tx WHERE id = 2"), "kept",
                             "committed row seen by another session")

            suite.check("transaction-rollback", rollback)
            suite.check("transaction-commit", commit)
        finally:
            a.close()
            b.close()

    transactions()

    conn = connect(database=db, autocommit=True)

    def dup():
        execute(conn, "DROP TABLE IF EXISTS dup")
        execute(conn, "CREATE TABLE dup (id INT PRIMARY KEY)")
        execute(conn, "INSERT INTO dup VALUES (1)")
        expect_error(driver, conn, "INSERT INTO dup VALUES (1)", 1062, "23000")

    suite.check("error-no-such-table",
                lambda: expect_error(driver, conn, "SELECT * FROM no_such_table", 1146, "42S02"))
    suite.check("error-syntax", lambda: expect_error(driver, conn, "SELEC 1", 1064, "42000"))
    suite.check("error-duplicate-key", dup)
    suite.check("error-unknown-database",
                lambda: expect_error(driver, conn, "USE no_such_database", 1049, "42000"))

    def ping():
        conn.ping()  # raises if the server does not answer
        expect_equal(scalar(conn, "SELECT 1"), 1, "SELECT 1 after ping")

    suite.check("ping", ping)

    def stream():
        cur = conn.cursor(driver.ss_cursor)
        cur.execute(STREAM_SQL)
        total = count = 0
        for (x,) in cur:
            total += x
            count += 1
        cur.close()
        expect_equal(count, STREAM_ROWS, "rows")
        expect_equal(total, STREAM_SUM, "sum")
        expect_equal(scalar(conn, "SELECT 2"), 2, "next query on the connection")

    suite.check("stream-100k", stream)

    def large():
        value = large_value()
        execute(conn, "DROP TABLE IF EXISTS big")
        execute(conn, "CREATE TABLE big (id INT PRIMARY KEY, v LONGBLOB)")
        execute(conn, "INSERT INTO big VALUES (1, %s)", (value,))
        back = scalar(conn, "SELECT v FROM big WHERE id = 1")
        expect(isinstance(back, bytes), f"got {type(back).__name__}, expected bytes")
        expect(sha256(back) == sha256(value), f"SHA-256 differs: {bytes_difference(back, value)}")

    suite.check("large-value-20mib", large)

    def latin1():
        # the library encodes text as Python's latin-1 (ISO-8859-1; MySQL's latin1 is cp1252):
        # no euro sign, both agree on the rest
        text = "Grüße ©"
        execute(conn, "DROP TABLE IF EXISTS latin")
        execute(conn, "CREATE TABLE latin (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20))")
        latin = driver.connect(database=db, autocommit=True, charset="latin1")
        try:
            expect_equal(scalar(latin, "SELECT @@character_set_client"), "latin1", "@@character_set_client")
            execute(latin, "INSERT INTO latin (id, s) VALUES (1, %s)", (text,))
            expect_equal(scalar(latin, "SELECT s FROM latin WHERE id = 1"), text, "read back as latin1")
            expect_equal(scalar(latin, "SELECT CHAR_LENGTH('ü©')"), 2, "CHAR_LENGTH of a latin1 literal")
            # into a VARBINARY column a string keeps the client's bytes: latin1, not UTF-8
            execute(latin, f"INSERT INTO latin VALUES (2, '{text}', '{text}')")  # literals in the SQL text
            execute(latin, "INSERT INTO latin VALUES (3, %s, %s)", (text, text))  # parameters
        finally:
            latin.close()
        expect_equal(scalar(conn, "SELECT s FROM latin WHERE id = 1"), text, "read back as utf8mb4")
        expect_client_bytes(conn, "latin", text.encode("latin-1"))

    suite.check("charset-latin1", latin1)

    def gbk():
        # GBK text whose second bytes are 0x5C ('\\') and 0x60 ('`'): a server that scans bytes
        # instead of GBK characters breaks the literal (both libraries escape in the connection charset)
        text = "\u4e57\u4fd9\u4e2d\u6587"  # 乗 (0x81 0x5C), 俙 (0x82 0x60), 中文
        assert b"\\" in text.encode("gbk")
        execute(conn, "DROP TABLE IF EXISTS gbk_text")
        execute(conn, "CREATE TABLE gbk_text (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20))")
        g = driver.connect(database=db, autocommit=True, charset="gbk")
        try:
            expect_equal(scalar(g, "SELECT @@character_set_client"), "gbk", "@@character_set_client")
            execute(g, "INSERT INTO gbk_text (id, s) VALUES (1, %s)", (text,))
            expect_equal(scalar(g, "SELECT s FROM gbk_text WHERE s = %s", (text,)), text, "read back as gbk")
            expect_equal(scalar(g, "SELECT CHAR_LENGTH(s) FROM gbk_text WHERE id = 1"), 4, "CHAR_LENGTH")
            # the GBK bytes into a VARBINARY column (0x5C inside a literal of the SQL text too)
            execute(g, f"INSERT INTO gbk_text VALUES (2, '{text}', '{text}')")
            execute(g, "INSERT INTO gbk_text VALUES (3, %s, %s)", (text, text))
        finally:
            g.close()
        expect_equal(scalar(conn, "SELECT s FROM gbk_text WHERE id = 1"), text, "read back as utf8mb4")
        expect_client_bytes(conn, "gbk_text", text.encode("gbk"))

    suite.check("charset-gbk", gbk)

    def invalid_bytes():
        # bytes that are no UTF-8 (a latin1 'é', 0xE9) in the SQL text of the utf8mb4 connection,
        # sent as they are (a bytes statement): into a VARCHAR column that is MySQL's 1366, and
        # nothing stored; into a VARBINARY column the bytes are kept
        execute(conn, "DROP TABLE IF EXISTS bad_bytes")
        execute(conn, "CREATE TABLE bad_bytes (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20))")
        expect_error(driver, conn, b"INSERT INTO bad_bytes (id, s) VALUES (1, 'caf\xe9')", 1366, "HY000",
                     message="Incorrect string value: '\\xE9'")
        expect_equal(scalar(conn, "SELECT COUNT(*) FROM bad_bytes"), 0, "rows after the refused insert")
        execute(conn, b"INSERT INTO bad_bytes (id, b) VALUES (2, 'caf\xe9')")
        expect_equal(scalar(conn, "SELECT b FROM bad_bytes WHERE id = 2"), b"caf\xe9", "VARBINARY read back")

    suite.check("invalid-bytes", invalid_bytes)

    def multi_statements():
        m = driver.connect(database=db, autocommit=True, client_flag=driver.multi_statements_flag)
        try:
            cur = m.cursor()
            cur.execute("SELECT 1; SELECT 2, 3")
            results = [cur.fetchall()]
            while cur.nextset():
                results.append(cur.fetchall())
            cur.close()
            expect_equal([list(map(tuple, r)) for r in results], [[(1,)], [(2, 3)]], "result sets")
            expect_equal(scalar(m, "SELECT 4"), 4, "next query on the connection")
        finally:
            m.close()

    def compression():
        c = driver.connect(database=db, autocommit=True, **driver.compress_options)
        try:
            cur = c.cursor(driver.ss_cursor)
            cur.execute("SELECT X FROM SYSTEM_RANGE(1, 20000)")
            count = sum(1 for _ in cur)
            cur.close()
            expect_equal(count, 20000, "rows")
            expect_equal(scalar(c, "SELECT REPEAT('ab', 100000)"), "ab" * 100000, "a 200 KB value")
        finally:
            c.close()

    def tls():
        t = driver.connect(database=db, autocommit=True, **driver.tls_options)
        try:
            expect_equal(scalar(t, "SELECT CURRENT_USER()"), "root@localhost", "CURRENT_USER() over TLS")
        finally:
            t.close()

    suite.feature_check("multi-statements", "multi-statements", multi_statements)
    if driver.compress_options is not None:
        suite.feature_check("compression", "compress", compression)
    suite.feature_check("tls", "tls", tls)
    if suite.blocked:
        return
    conn.close()

    cleanup = driver.connect(autocommit=True)
    execute(cleanup, f"DROP DATABASE IF EXISTS {db}")
    execute(cleanup, f"DROP DATABASE IF EXISTS {db}_other")
    cleanup.close()
