'use strict';
// mysql (npm, the original Node driver): text protocol only, parameters interpolated by the
// library; no server-side prepared statements, so no types-prepared checks.
// It speaks only mysql_native_password: the server (default caching_sha2_password) must switch
// it to native by AuthSwitchRequest; the login checks cover that. login-password logs in as the
// mysql_native_password account: this library has no caching_sha2_password.
const path = require('path');
const e2e = require(path.join(__dirname, '..', 'lib', 'e2e.js'));

const suite = new e2e.Suite('node-mysql');
const mysql = suite.require('mysql');

const options = {
  host: e2e.HOST,
  port: e2e.PORT,
  user: e2e.USER,
  charset: 'UTF8MB4_GENERAL_CI',
  supportBigNumbers: true,
  bigNumberStrings: true, // BIGINT and DECIMAL as exact strings
  dateStrings: true, // DATETIME(6) keeps its microseconds
  connectTimeout: 10000,
};

// rows come back as objects: turn them into arrays in column order
const asArrays = (rows, fields) => {
  if (!Array.isArray(rows) || !fields) return rows;
  // several result sets (multipleStatements): one rows/fields pair per statement
  if (Array.isArray(fields[0])) return rows.map((r, i) => asArrays(r, fields[i]));
  return rows.map((r) => fields.map((f) => r[f.name]));
};

function connect({ password = '', database, options: extra = {} } = {}) {
  const conn = mysql.createConnection({ ...options, ...extra, password, database });
  const call = (method, ...args) =>
    new Promise((resolve, reject) => conn[method](...args, (err, a, b) => (err ? reject(err) : resolve([a, b]))));
  return call('connect').then(() => ({
    query: async (sql, params) => asArrays(...(await call('query', sql, params || []))),
    stream: (sql, onRow) =>
      new Promise((resolve, reject) => {
        let fields;
        conn
          .query(sql)
          .on('fields', (f) => (fields = f))
          .on('result', (row) => onRow(fields.map((f) => row[f.name])))
          .on('error', reject)
          .on('end', resolve);
      }),
    ping: () => call('ping'),
    beginTransaction: () => call('beginTransaction'),
    commit: () => call('commit'),
    rollback: () => call('rollback'),
    changeUser: (o) => call('changeUser', o),
    close: () => call('end'),
  }));
}

e2e.main(async () => {
  await e2e.runChecks(suite, {
    connect,
    options: {
      // no latin1: this library writes query text as UTF-8 whatever the connection charset
      multiStatements: { multipleStatements: true },
      tls: { ssl: { rejectUnauthorized: false } }, // the server's own certificate
    },
    changeUser: (conn, o) => conn.changeUser(o),
  });
});
