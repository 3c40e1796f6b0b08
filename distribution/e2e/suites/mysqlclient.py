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
    # mysql_ssl_set with only a cipher list turns TLS on and required in libmariadb 3.3 without
    # verifying the server's (self-generated) certificate; a CA path would make it verify the
    # certificate against that path and fail (2026 "unable to get local issuer certificate")
    tls_options = {"ssl": {"cipher": "DEFAULT"}}

    def connect(self, password="", autocommit=False, charset="utf8mb4", **kwargs):
        if "database" in kwargs:
            kwargs["db"] = kwargs.pop("database")
        conn = MySQLdb.connect(host=HOST, port=PORT, user=USER, passwd=password,
                               charset=charset, connect_timeout=10, **kwargs)
        conn.autocommit(autocommit)
        return conn

    def sqlstate(self, conn, exc):
        return conn.sqlstate()


dbapi_checks.run(suite, MySQLclient())
