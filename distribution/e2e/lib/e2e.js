'use strict';
// Shared helpers for the Node.js client suites (node-mysql2.js, node-mysql.js, node-mariadb.js).
//
// Output protocol (read by distribution/e2e/run): one line per check,
// `ok <suite> <check>` or `FAIL <suite> <check>: <reason>`; `skip <suite> ...` only when the
// client library is missing and CI is not set. Diagnostics go to stderr.
//
// Each suite gives runChecks() an adapter over its library:
//   connect({password, database}) -> a connection with
//     query(sql, params?)   -> rows as arrays (text protocol; params interpolated by the library)
//     execute(sql, params?) -> rows as arrays (server-side prepared statement, binary protocol)
//     stream(sql, onRow)    -> resolves once an unbuffered result has been read row by row
//     beginTransaction(), commit(), rollback(), ping(), close()
//   execute: true        when the library has server-side prepared statements (adds the
//                        types-prepared* and large-value-20mib-prepared checks)
//   paramValue(name, v)  optional: the parameter value an application would bind for a column
//   options              optional: connection options for latin1, multiStatements, compress, tls
//                        (connect({options}) merges them); a missing entry leaves its check out;
//                        `sha2`: the options under which the library logs in with
//                        caching_sha2_password (login-password uses mysql_native_password without)
//   changeUser(conn, {user, password, database}), reset(conn)  optional: COM_CHANGE_USER and
//                        COM_RESET_CONNECTION where the library has them
// Checks of features the server does not offer yet print `pending` (see ../README.md).
// Errors thrown by the library carry errno and sqlState.
const path = require('path');
const crypto = require('crypto');
const { createRequire } = require('module');

const HOST = process.env.PORPOISE_HOST || '127.0.0.1';
const PORT = Number(process.env.PORPOISE_PORT || 3306);
const USER = 'root';
// Accounts with non-empty passwords, created by the runner (CURRENT_USER() is NAME@%).
const NATIVE_USER = process.env.E2E_NATIVE_USER || 'e2e_native'; // mysql_native_password
const NATIVE_PASSWORD = process.env.E2E_NATIVE_PASSWORD || '';
const SHA2_USER = process.env.E2E_SHA2_USER || 'e2e_sha2'; // caching_sha2_password
const SHA2_PASSWORD = process.env.E2E_SHA2_PASSWORD || '';
const CA = process.env.PORPOISE_CA || '';

// Libraries are installed by install-clients.sh into distribution/e2e/node/node_modules.
const nodeRequire = createRequire(path.join(__dirname, '..', 'node', 'package.json'));

const BLOB = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const TEXT = 'Grüße 🐬 𝄞 ok';

// [name, SQL type, SQL literal, expected value as read back (see same()), parameter value]
const TYPE_COLUMNS = [
  ['i', 'INT', '-2147483648', '-2147483648', -2147483648],
  ['bi', 'BIGINT', '-9223372036854775808', '-9223372036854775808', '-9223372036854775808'],
  ['bu', 'BIGINT UNSIGNED', '18446744073709551615', '18446744073709551615', '18446744073709551615'],
  ['de', 'DECIMAL(30,10)', '12345678901234567890.0123456789', '12345678901234567890.0123456789',
    '12345678901234567890.0123456789'],
  ['db', 'DOUBLE', '6.02214076e23', 6.02214076e23, 6.02214076e23],
  ['s', 'VARCHAR(50)', `'${TEXT}'`, TEXT, TEXT],
  ['b', 'BLOB', `X'${BLOB.toString('hex')}'`, BLOB, BLOB],
  ['d', 'DATE', "'2024-02-29'", '2024-02-29', '2024-02-29'],
  ['t', 'TIME', "'13:07:59'", '13:07:59', '13:07:59'],
  ['dt', 'DATETIME(6)', "'2024-02-29 13:45:07.123456'", '2024-02-29 13:45:07.123456',
    '2024-02-29 13:45:07.123456'],
  ['n', 'INT', 'NULL', null, null],
];
const TYPE_NAMES = TYPE_COLUMNS.map((c) => c[0]);
const TYPE_DDL = `(id INT PRIMARY KEY, ${TYPE_COLUMNS.map((c) => `${c[0]} ${c[1]}`).join(', ')})`;
const TYPE_LITERALS = TYPE_COLUMNS.map((c) => c[2]).join(', ');
const typeSelect = (table, where = '') =>
  `SELECT ${TYPE_NAMES.join(', ')} FROM ${table}${where} ORDER BY id`;

const STREAM_ROWS = 100000;
const STREAM_SQL = `SELECT X FROM SYSTEM_RANGE(1, ${STREAM_ROWS})`;
const STREAM_SUM = BigInt(STREAM_ROWS) * BigInt(STREAM_ROWS + 1) / 2n;

const LARGE_SIZE = 20 * 1024 * 1024;
function largeValue() {
  // deterministic pseudo-random bytes (xorshift32), no dependency on the crypto RNG
  const buf = Buffer.allocUnsafe(LARGE_SIZE);
  let x = 20;
  for (let i = 0; i < LARGE_SIZE; i += 4) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    buf.writeInt32LE(x | 0, i);
  }
  return buf;
}
const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');

class CheckFailed extends Error {}
class Pending extends Error {}
function expect(cond, message) {
  if (!cond) throw new CheckFailed(message);
}

function show(v, limit = 60) {
  let s;
  if (v === null || v === undefined) s = String(v);
  else if (Buffer.isBuffer(v)) s = `<Buffer ${v.length} bytes ${v.subarray(0, 12).toString('hex')}...>`;
  else if (typeof v === 'bigint') s = `${v}n`;
  else if (typeof v === 'string') s = JSON.stringify(v);
  else if (v instanceof Date) s = `Date(${v.toISOString()})`;
  else s = String(v);
  s += ` (${Buffer.isBuffer(v) ? 'Buffer' : v === null ? 'null' : typeof v})`;
  return s.length <= limit ? s : s.slice(0, limit) + '...';
}

// Exact comparison of a value read back with the expected one. Integers and decimals may come
// back as string, BigInt or (safe) number: they must print exactly as expected; a lossy
// number prints differently and fails.
function same(got, want) {
  if (want === null) return got === null;
  if (Buffer.isBuffer(want)) return Buffer.isBuffer(got) && got.equals(want);
  if (typeof want === 'number') {
    if (typeof got === 'bigint') return Number.isInteger(want) && String(got) === String(want);
    return (typeof got === 'number' || typeof got === 'string') && Number(got) === want;
  }
  if (typeof got === 'bigint' || typeof got === 'number') return String(got) === want;
  return got === want;
}

function expectEqual(got, want, what) {
  expect(same(got, want), `${what}: got ${show(got)}, expected ${show(want)}`);
}

// 'N bytes, expected M; first difference at byte K: got .. expected ..'
function bytesDifference(got, want) {
  let k = 0;
  while (k < got.length && k < want.length && got[k] === want[k]) k++;
  const hex = (b) => b.subarray(k, k + 6).toString('hex').replace(/(..)(?=.)/g, '$1 ') || 'end';
  return `${got.length} bytes, expected ${want.length}; first difference at byte ${k}: got ${hex(got)} expected ${hex(want)}`;
}

function compareTypeRows(rows) {
  expect(rows.length === 2, `expected 2 rows, got ${rows.length}`);
  const problems = [];
  TYPE_COLUMNS.forEach(([name, , , want], i) => {
    if (Buffer.isBuffer(want) && Buffer.isBuffer(rows[0][i]) && !want.equals(rows[0][i])) {
      problems.push(`${name} ${bytesDifference(rows[0][i], want)}`);
    } else if (!same(rows[0][i], want)) {
      problems.push(`${name} got ${show(rows[0][i])} expected ${show(want)}`);
    }
    if (rows[1][i] !== null) problems.push(`${name} (NULL row) got ${show(rows[1][i])}`);
  });
  expect(problems.length === 0, problems.join('; '));
}

class Suite {
  constructor(name) {
    this.name = name;
    this.database = 'e2e_' + name.replace(/-/g, '_');
  }

  emit(line) {
    process.stdout.write(line + '\n');
  }

  // Loads a library from distribution/e2e/node; a missing one FAILs under CI, else skips.
  require(name) {
    try {
      return nodeRequire(name);
    } catch (e) {
      if (e.code !== 'MODULE_NOT_FOUND') throw e;
      const reason = `npm package ${name} is not installed (run distribution/e2e/install-clients.sh)`;
      if (process.env.CI) this.emit(`FAIL ${this.name} library-installed: ${reason}`);
      else this.emit(`skip ${this.name}: ${reason}`);
      process.exit(0);
    }
  }

  async check(check, fn) {
    if (this.blocked) {
      this.fail(check, this.blocked);
      return false;
    }
    try {
      await fn();
    } catch (e) {
      if (e instanceof Pending) {
        this.emit(`pending ${this.name} ${check}: ${e.message}`);
        return false;
      }
      if (!(e instanceof CheckFailed)) console.error(e);
      const reason = e instanceof CheckFailed ? e.message : describeError(e);
      this.fail(check, reason);
      return false;
    }
    this.emit(`ok ${this.name} ${check}`);
    return true;
  }

  fail(check, reason) {
    reason = String(reason).split(/\s+/).join(' ');
    if (reason.length > 600) reason = reason.slice(0, 600) + '...';
    this.emit(`FAIL ${this.name} ${check}: ${reason}`);
  }
}

function describeError(e) {
  const parts = [e && e.name ? e.name : 'Error'];
  if (e && e.errno !== undefined) parts.push(`errno ${e.errno}`);
  if (e && e.sqlState !== undefined) parts.push(`SQLSTATE ${e.sqlState}`);
  return `${parts.join(' ')}: ${e && e.message}`;
}

async function expectError(promiseFn, errno, sqlState) {
  try {
    await promiseFn();
  } catch (e) {
    expect(e.errno === errno, `errno ${e.errno}, expected ${errno} (${describeError(e)})`);
    expect(e.sqlState === sqlState, `SQLSTATE ${e.sqlState}, expected ${sqlState} (${describeError(e)})`);
    return;
  }
  throw new CheckFailed(`succeeded, expected error ${errno}`);
}

async function scalar(conn, sql, params) {
  const rows = await conn.query(sql, params);
  return rows.length ? rows[0][0] : undefined;
}

// The checks every Node suite runs. `lib` is the adapter described at the top of this file.
async function runChecks(suite, lib) {
  const db = suite.database;
  const closing = async (conn, fn) => {
    try {
      return await fn(conn);
    } finally {
      await conn.close();
    }
  };

  const loggedIn = await suite.check('login', async () => {
    await closing(await lib.connect({}), async (conn) => {
      expectEqual(await scalar(conn, 'SELECT CURRENT_USER()'), 'root@localhost', 'CURRENT_USER()');
    });
  });

  await suite.check('login-password', async () => {
    const sha2 = lib.options && lib.options.sha2;
    const [user, password] = sha2 ? [SHA2_USER, SHA2_PASSWORD] : [NATIVE_USER, NATIVE_PASSWORD];
    expect(password !== '', 'no password for the e2e accounts (E2E_*_PASSWORD unset)');
    await closing(await lib.connect({ password, options: { ...(sha2 || {}), user } }), async (conn) => {
      expectEqual(await scalar(conn, 'SELECT CURRENT_USER()'), `${user}@%`, 'CURRENT_USER()');
    });
  });

  await suite.check('login-wrong-password', async () => {
    let conn;
    try {
      conn = await lib.connect({ password: 'nope' });
    } catch (e) {
      expect(e.errno === 1045, `errno ${e.errno}, expected 1045 (${describeError(e)})`);
      expect(e.sqlState === '28000', `SQLSTATE ${e.sqlState}, expected 28000 (${describeError(e)})`);
      return;
    }
    await conn.close();
    throw new CheckFailed("login with password 'nope' succeeded");
  });

  // `login-wrong-password` runs even when `login` failed: it needs no working login.
  if (!loggedIn) suite.blocked = 'not run: cannot log in (see the login check)';

  await suite.check('use-db', async () => {
    await closing(await lib.connect({}), async (conn) => {
      await conn.query(`DROP DATABASE IF EXISTS ${db}`);
      await conn.query(`CREATE DATABASE ${db}`);
      await conn.query(`DROP DATABASE IF EXISTS ${db}_other`);
      await conn.query(`CREATE DATABASE ${db}_other`);
      await conn.query(`USE ${db}_other`);
      expectEqual(await scalar(conn, 'SELECT DATABASE()'), `${db}_other`, 'DATABASE() after USE');
      await conn.query(`USE ${db}`);
      expectEqual(await scalar(conn, 'SELECT DATABASE()'), db, 'DATABASE() after USE');
    });
    // and as a connect option (the database in the handshake response)
    await closing(await lib.connect({ database: `${db}_other` }), async (conn) => {
      expectEqual(await scalar(conn, 'SELECT DATABASE()'), `${db}_other`, 'DATABASE() after connect');
    });
  });

  const conn = suite.blocked ? null : await lib.connect({ database: db });
  const params = TYPE_COLUMNS.map((c) => (lib.paramValue ? lib.paramValue(c[0], c[4]) : c[4]));
  const marks = Array(TYPE_COLUMNS.length + 1).fill('?').join(', ');

  await suite.check('types-text', async () => {
    await conn.query('DROP TABLE IF EXISTS types_text');
    await conn.query(`CREATE TABLE types_text ${TYPE_DDL}`);
    await conn.query(`INSERT INTO types_text VALUES (1, ${TYPE_LITERALS})`);
    await conn.query('INSERT INTO types_text (id) VALUES (2)');
    compareTypeRows(await conn.query(typeSelect('types_text')));
  });

  await suite.check('types-params', async () => {
    await conn.query('DROP TABLE IF EXISTS types_params');
    await conn.query(`CREATE TABLE types_params ${TYPE_DDL}`);
    await conn.query(`INSERT INTO types_params VALUES (${marks})`, [1, ...params]);
    await conn.query(`INSERT INTO types_params VALUES (${marks})`, [2, ...params.map(() => null)]);
    compareTypeRows(await conn.query(typeSelect('types_params', ' WHERE bu = ? OR id = ?'),
      [params[2], 2]));
  });

  if (lib.execute) {
    await suite.check('types-prepared', async () => {
      await conn.query('DROP TABLE IF EXISTS types_prepared');
      await conn.query(`CREATE TABLE types_prepared ${TYPE_DDL}`);
      await conn.execute(`INSERT INTO types_prepared VALUES (${marks})`, [1, ...params]);
      await conn.execute(`INSERT INTO types_prepared VALUES (${marks})`, [2, ...params.map(() => null)]);
      compareTypeRows(await conn.execute(typeSelect('types_prepared', ' WHERE bu = ? OR id = ?'),
        [params[2], 2]));
    });
    await suite.check('types-prepared-read-text-written', async () => {
      // values written with SQL literals, read through the binary protocol
      compareTypeRows(await conn.execute(typeSelect('types_text', ' WHERE id IN (?, ?)'), [1, 2]));
    });
  }

  await suite.check('transaction-rollback', async () => {
    await closing(await lib.connect({ database: db }), async (b) => {
      await conn.query('DROP TABLE IF EXISTS tx');
      await conn.query('CREATE TABLE tx (id INT PRIMARY KEY, v VARCHAR(10))');
      await conn.beginTransaction();
      await conn.query("INSERT INTO tx VALUES (1, 'gone')");
      expectEqual(await scalar(conn, 'SELECT COUNT(*) FROM tx'), 1, 'rows inside the transaction');
      await conn.rollback();
      expectEqual(await scalar(conn, 'SELECT COUNT(*) FROM tx'), 0, 'rows after rollback');
      expectEqual(await scalar(b, 'SELECT COUNT(*) FROM tx'), 0, 'rows seen by another session');
    });
  });

  await suite.check('transaction-commit', async () => {
    await closing(await lib.connect({ database: db }), async (b) => {
      await conn.beginTransaction();
      await conn.query("INSERT INTO tx VALUES (2, 'kept')");
      expectEqual(await scalar(b, 'SELECT COUNT(*) FROM tx'), 0, 'uncommitted rows seen by another session');
      await conn.commit();
      expectEqual(await scalar(b, 'SELECT v FROM tx WHERE id = 2'), 'kept', 'committed row seen by another session');
    });
  });

  const viaBoth = async (sql, errno, sqlState) => {
    await expectError(() => conn.query(sql), errno, sqlState);
    if (lib.execute) await expectError(() => conn.execute(sql), errno, sqlState);
  };
  await suite.check('error-no-such-table', () => viaBoth('SELECT * FROM no_such_table', 1146, '42S02'));
  await suite.check('error-syntax', () => viaBoth('SELEC 1', 1064, '42000'));
  await suite.check('error-duplicate-key', async () => {
    await conn.query('DROP TABLE IF EXISTS dup');
    await conn.query('CREATE TABLE dup (id INT PRIMARY KEY)');
    await conn.query('INSERT INTO dup VALUES (1)');
    await expectError(() => conn.query('INSERT INTO dup VALUES (1)'), 1062, '23000');
    if (lib.execute) await expectError(() => conn.execute('INSERT INTO dup VALUES (?)', [1]), 1062, '23000');
  });
  await suite.check('error-unknown-database',
    () => expectError(() => conn.query('USE no_such_database'), 1049, '42000'));

  await suite.check('ping', async () => {
    await conn.ping();
    expectEqual(await scalar(conn, 'SELECT 1'), 1, 'SELECT 1 after ping');
  });

  await suite.check('stream-100k', async () => {
    let count = 0;
    let sum = 0n;
    await conn.stream(STREAM_SQL, (row) => {
      count++;
      sum += BigInt(row[0]);
    });
    expect(count === STREAM_ROWS, `rows ${count}, expected ${STREAM_ROWS}`);
    expect(sum === STREAM_SUM, `sum ${sum}, expected ${STREAM_SUM}`);
    expectEqual(await scalar(conn, 'SELECT 2'), 2, 'next query on the connection');
  });

  const large = async (write) => {
    const value = largeValue();
    await conn.query('DROP TABLE IF EXISTS big');
    await conn.query('CREATE TABLE big (id INT PRIMARY KEY, v LONGBLOB)');
    await write('INSERT INTO big VALUES (1, ?)', [value]);
    const back = await scalar(conn, 'SELECT v FROM big WHERE id = 1');
    expect(Buffer.isBuffer(back), `got ${show(back)}, expected a Buffer`);
    expect(sha256(back) === sha256(value), `SHA-256 differs: ${bytesDifference(back, value)}`);
  };
  await suite.check('large-value-20mib', () => large((sql, p) => conn.query(sql, p)));
  if (lib.execute) {
    await suite.check('large-value-20mib-prepared', () => large((sql, p) => conn.execute(sql, p)));
  }

  if (lib.extraChecks) await lib.extraChecks(conn);

  // connection options of the library for a feature (lib.options[name]); no entry, no check
  const opts = lib.options || {};
  if (opts.latin1) {
    await suite.check('charset-latin1', async () => {
      // the library encodes the text for the latin1 connection; the Node libraries take
      // latin1 as ISO-8859-1 (MySQL's is cp1252), so no € here: both agree on the rest
      const text = 'Grüße ©';
      await conn.query('DROP TABLE IF EXISTS latin');
      await conn.query('CREATE TABLE latin (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20))');
      await closing(await lib.connect({ database: db, options: opts.latin1 }), async (l) => {
        expectEqual(await scalar(l, 'SELECT @@character_set_client'), 'latin1', '@@character_set_client');
        await l.query(`INSERT INTO latin (id, s) VALUES (1, '${text}')`);
        expectEqual(await scalar(l, 'SELECT s FROM latin WHERE id = 1'), text, 'read back as latin1');
        expectEqual(await scalar(l, "SELECT CHAR_LENGTH('ü©')"), 2, 'CHAR_LENGTH of a latin1 literal');
        // into a VARBINARY column a string keeps the client's bytes: latin1, not UTF-8
        await l.query(`INSERT INTO latin VALUES (2, '${text}', '${text}')`); // literals in the SQL text
        await l.query('INSERT INTO latin VALUES (3, ?, ?)', [text, text]); // interpolated by the library
        if (lib.execute) await l.execute('INSERT INTO latin VALUES (4, ?, ?)', [text, text]); // prepared
      });
      expectEqual(await scalar(conn, 'SELECT s FROM latin WHERE id = 1'), text, 'read back as utf8mb4');
      const want = Buffer.from(text, 'latin1');
      const ways = [[2, 'a literal'], [3, 'an interpolated parameter'], ...(lib.execute ? [[4, 'a prepared statement']] : [])];
      for (const [id, how] of ways) {
        const got = await scalar(conn, `SELECT b FROM latin WHERE id = ${id}`);
        expect(Buffer.isBuffer(got) && got.equals(want),
          `VARBINARY from ${how}: got ${Buffer.isBuffer(got) ? got.toString('hex').toUpperCase() : show(got)}, ` +
          `expected ${want.toString('hex').toUpperCase()} (the client's bytes)`);
      }
    });
  }
  if (lib.changeUser) {
    await suite.check('change-user', async () => {
      // its own connection: a library may give up a connection whose change-user failed
      const c = await lib.connect({ database: db });
      try {
        await c.query('SET @before = 1');
        try {
          await lib.changeUser(c, { user: USER, password: '', database: `${db}_other` });
        } catch (e) {
          if (e.errno === 1047 && !process.env.E2E_PENDING) {
            // the server answers COM_CHANGE_USER with "unknown command": not implemented yet
            throw new Pending(`the server does not implement COM_CHANGE_USER yet (${describeError(e)})`);
          }
          throw e;
        }
        expectEqual(await scalar(c, 'SELECT DATABASE()'), `${db}_other`, 'DATABASE() after change-user');
        expectEqual(await scalar(c, 'SELECT @before'), null, 'a user variable after change-user');
      } finally {
        await c.close().catch(() => {});
      }
    });
  }
  if (lib.reset) {
    await suite.check('reset-connection', async () => {
      await conn.query('SET @before = 1');
      await lib.reset(conn); // COM_RESET_CONNECTION
      expectEqual(await scalar(conn, 'SELECT @before'), null, 'a user variable after reset');
      expectEqual(await scalar(conn, 'SELECT DATABASE()'), db, 'DATABASE() after reset');
    });
  }
  const feature = async (check, name, fn) => {
    const offered = (process.env.PORPOISE_FEATURES || '').split(/\s+/);
    if (!offered.includes(name) && !process.env.E2E_PENDING && !suite.blocked) {
      suite.emit(`pending ${suite.name} ${check}: the server does not offer ${name} yet`);
      return;
    }
    await suite.check(check, fn);
  };
  if (opts.multiStatements) {
    await feature('multi-statements', 'multi-statements', async () => {
      await closing(await lib.connect({ database: db, options: opts.multiStatements }), async (m) => {
        const results = await m.query('SELECT 1; SELECT 2, 3');
        expect(Array.isArray(results) && results.length >= 2, `results: ${JSON.stringify(results)}`);
        expectEqual(results[0][0][0], 1, 'first result');
        expectEqual(results[1][0][1], 3, 'second result');
        expectEqual(await scalar(m, 'SELECT 4'), 4, 'next query on the connection');
      });
    });
  }
  if (opts.compress) {
    await feature('compression', 'compress', async () => {
      await closing(await lib.connect({ database: db, options: opts.compress }), async (c) => {
        let count = 0;
        await c.stream('SELECT X FROM SYSTEM_RANGE(1, 20000)', () => count++);
        expect(count === 20000, `rows ${count}, expected 20000`);
        expectEqual(await scalar(c, "SELECT REPEAT('ab', 100000)"), 'ab'.repeat(100000), 'a 200 KB value');
      });
    });
  }
  if (opts.tls) {
    await feature('tls', 'tls', async () => {
      await closing(await lib.connect({ database: db, options: opts.tls }), async (t) => {
        expectEqual(await scalar(t, 'SELECT CURRENT_USER()'), 'root@localhost', 'CURRENT_USER() over TLS');
      });
    });
  }
  if (suite.blocked) return;

  await conn.query(`DROP DATABASE IF EXISTS ${db}`);
  await conn.query(`DROP DATABASE IF EXISTS ${db}_other`);
  await conn.close();
}

// Runs main(); an exception that escapes is a crash (non-zero exit), reported by the runner.
function main(fn) {
  fn().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(2);
    },
  );
}

module.exports = {
  HOST, PORT, USER, CA, Suite, CheckFailed, expect, expectEqual, expectError, scalar, runChecks, main,
  TYPE_COLUMNS, STREAM_SQL,
};
