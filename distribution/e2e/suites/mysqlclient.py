"""mysqlclient / MySQLdb (Debian python3-mysqldb, on libmariadb): text protocol,
client-side parameter interpolation (no server-side prepared statements in MySQLdb).

Errors are checked by errno and by the SQLSTATE the C library keeps
(connection.sqlstate()); a failed connect has no connection, so errno only there.
"""
import os
import sys

# Replace the script directory on the path: suites/pymysql.py would shadow the pymysql module.
sys.path[0] = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib")
from e2e import Suite, HOST, PORT, USER  # noqa: E402
import dbapi_checks  # noqa: E402

suite = Suite("mysqlclient")
try:
    import MySQLdb
    import MySQLdb.constants.CLIENT
    import MySQLdb.cursors
except ImportError:
    suite.missing_library("mysqlclient (MySQLdb)", "apt-get install python3-mysqldb")


class MySQLclient(dbapi_checks.Driver):
    module = MySQLdb
    ss_cursor = MySQLdb.cursors.SSCursor
    has_sqlstate = True
    multi_statements_flag = MySQLdb.constants.CLIENT.MULTI_STATEMENTS
    compress_options = {"compress": True}
    # mysql_ssl_set with a CA turns TLS on and required; libmariadb 3.3 then verifies the
    # server's certificate against it: the CA the server generated on its first start
    tls_options = {"ssl": {"ca": os.environ.get("PORPOISE_CA", "")}}

    # libmariadb's caching_sha2_password plugin, over TLS verified against the server's CA
    sha2_options = tls_options

    def connect(self, password="", user=None, autocommit=False, charset="utf8mb4", **kwargs):
        if "database" in kwargs:
            kwargs["db"] = kwargs.pop("database")
        conn = MySQLdb.connect(host=HOST, port=PORT, user=user or USER, passwd=password,
                               charset=charset, connect_timeout=10, **kwargs)
        conn.autocommit(autocommit)
        return conn

    def sqlstate(self, conn, exc):
        return conn.sqlstate()


dbapi_checks.run(suite, MySQLclient())
