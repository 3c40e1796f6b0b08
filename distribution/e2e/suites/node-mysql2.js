'use strict';
// mysql2 (npm): `query` (text protocol, parameters interpolated by the library) and
// `execute` (server-side prepared statements, binary protocol), promise API.
const path = require('path');
const e2e = require(path.join(__dirname, '..', 'lib', 'e2e.js'));

const suite = new e2e.Suite('node-mysql2');
const mysql = suite.require('mysql2/promise');

const options = {
  host: e2e.HOST,
  port: e2e.PORT,
  user: e2e.USER,
  supportBigNumbers: true,
  bigNumberStrings: true, // BIGINT and DECIMAL as exact strings
  dateStrings: true, // DATETIME(6) keeps its microseconds
  rowsAsArray: true,
  connectTimeout: 10000,
};

async function connect({ password = '', database, options: extra = {} } = {}) {
  const conn = await mysql.createConnection({ ...options, ...extra, password, database });
  return {
    query: async (sql, params) => (await conn.query(sql, params))[0],
    execute: async (sql, params) => (await conn.execute(sql, params))[0],
    stream: (sql, onRow) =>
      new Promise((resolve, reject) => {
        conn.connection
          .query({ sql, rowsAsArray: true })
          .on('result', onRow)
          .on('error', reject)
          .on('end', resolve);
      }),
    ping: () => conn.ping(),
    beginTransaction: () => conn.beginTransaction(),
    commit: () => conn.commit(),
    rollback: () => conn.rollback(),
    changeUser: (o) => conn.changeUser(o),
    close: () => conn.end(),
  };
}

e2e.main(async () => {
  await e2e.runChecks(suite, {
    connect,
    execute: true,
    options: {
      latin1: { charset: 'LATIN1_SWEDISH_CI' },
      multiStatements: { multipleStatements: true },
      compress: { compress: true },
      tls: { ssl: { rejectUnauthorized: false } }, // the server's own certificate
      // caching_sha2_password: full authentication sends the password over TLS, verified
      // against the CA the server generated
      sha2: { ssl: { ca: require('fs').readFileSync(e2e.CA) } },
    },
    changeUser: (conn, o) => conn.changeUser(o),
  });
});
