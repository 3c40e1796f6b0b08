"""PyMySQL (Debian python3-pymysql): text protocol, client-side parameter interpolation.

PyMySQL drops the SQLSTATE of ERR packets, so errors are checked by errno only.
It has no server-side prepared statements and no COM_STATISTICS wrapper.
"""
import os
import sys

# Replace the script directory on the path: suites/pymysql.py would shadow the pymysql module.
sys.path[0] = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib")
from e2e import Suite, HOST, PORT, USER, CA  # noqa: E402
import dbapi_checks  # noqa: E402

suite = Suite("pymysql")
try:
    import pymysql
    import pymysql.constants.CLIENT
    import pymysql.cursors
except ImportError:
    suite.missing_library("PyMySQL", "apt-get install python3-pymysql")


class PyMySQL(dbapi_checks.Driver):
    module = pymysql
    ss_cursor = pymysql.cursors.SSCursor
    has_sqlstate = False
    multi_statements_flag = pymysql.constants.CLIENT.MULTI_STATEMENTS
    compress_options = None  # PyMySQL has no protocol compression
    tls_options = {"ssl": {"check_hostname": False, "verify_mode": False}}  # the server's own certificate

    # caching_sha2_password: the full authentication of a password not in the server's cache
    # sends it in clear over TLS (the other way, RSA, needs the cryptography package)
    sha2_options = {"ssl": {"ca": CA}}

    def connect(self, password="", user=None, charset="utf8mb4", **kwargs):
        return pymysql.connect(host=HOST, port=PORT, user=user or USER, password=password,
                               charset=charset, max_allowed_packet=64 * 1024 * 1024,
                               connect_timeout=10, read_timeout=120, **kwargs)


dbapi_checks.run(suite, PyMySQL())
