'use strict';
// mariadb (npm, MariaDB Connector/Node.js): `query` (text protocol; parameters interpolated by
// the connector) and `execute` (server-side prepared statements, binary protocol), promise API.
// BIGINT comes back as BigInt and BigInt parameters are bound as such (BIGINT, or DECIMAL above
// the signed range), the way applications using this connector pass them.
const path = require('path');
const e2e = require(path.join(__dirname, '..', 'lib', 'e2e.js'));

const suite = new e2e.Suite('node-mariadb');
const mariadb = suite.require('mariadb');

const options = {
  host: e2e.HOST,
  port: e2e.PORT,
  user: e2e.USER,
  bigIntAsNumber: false, // BIGINT as BigInt
  decimalAsNumber: false, // DECIMAL as exact string
  dateStrings: true, // DATETIME(6) keeps its microseconds
  rowsAsArray: true,
  // caching_sha2_password without TLS: a login that misses the server's cache (a wrong password
  // here) needs the server's RSA key, as with MySQL 8; applications set this option for it.
  allowPublicKeyRetrieval: true,
  connectTimeout: 10000,
};

async function connect({ password = '', database, options: extra = {} } = {}) {
  const conn = await mariadb.createConnection({ ...options, ...extra, password, database });
  return {
    query: (sql, params) => conn.query(sql, params),
    execute: (sql, params) => conn.execute(sql, params),
    stream: async (sql, onRow) => {
      for await (const row of conn.queryStream(sql)) onRow(row);
    },
    ping: () => conn.ping(),
    beginTransaction: () => conn.beginTransaction(),
    commit: () => conn.commit(),
    rollback: () => conn.rollback(),
    changeUser: (o) => conn.changeUser(o),
    reset: () => conn.reset(),
    close: () => conn.end(),
  };
}

e2e.main(async () => {
  await e2e.runChecks(suite, {
    connect,
    execute: true,
    paramValue: (name, value) => (name === 'bi' || name === 'bu' ? BigInt(value) : value),
    options: {
      latin1: { charset: 'latin1' },
      multiStatements: { multipleStatements: true },
      compress: { compress: true },
      tls: { ssl: { rejectUnauthorized: false } }, // the server's own certificate
      // caching_sha2_password: full authentication sends the password over TLS, verified
      // against the CA the server generated
      sha2: { ssl: { ca: require('fs').readFileSync(e2e.CA) } },
    },
    // no changeUser: the connector refuses it against a MySQL server ("not available for MySQL
    // server due to Bug #83472", ER_MYSQL_CHANGE_USER_BUG) and this server presents itself as MySQL
    reset: (conn) => conn.reset(),
  });
});
