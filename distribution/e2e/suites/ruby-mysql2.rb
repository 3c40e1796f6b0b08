# Ruby mysql2 (Debian ruby-mysql2, on libmariadb): Client#query (text protocol, values cast
# to Ruby types), Client#prepare/Statement#execute (server-side prepared statements, binary
# protocol), select_db, ping, streaming results (stream: true, mysql_use_result). mysql2 has no
# client-side parameters (no types-params: the 20 MiB value without a prepared statement is
# escaped with Client#escape) and no change-user call.
#
# Output: one line per check, `ok|FAIL|pending ruby-mysql2 <check>[: reason]`.
require 'bigdecimal'
require 'date'
require 'digest'
$stdout.sync = true

SUITE = 'ruby-mysql2'
HOST = ENV['PORPOISE_HOST'] || '127.0.0.1'
PORT = Integer(ENV['PORPOISE_PORT'] || '3306')
DB = 'e2e_ruby_mysql2'

begin
  require 'mysql2'
rescue LoadError
  reason = 'mysql2 is not installed (apt-get install ruby-mysql2)'
  puts ENV['CI'] ? "FAIL #{SUITE} library-installed: #{reason}" : "skip #{SUITE}: #{reason}"
  exit 0
end

class CheckFailed < StandardError; end
$blocked = nil

def emit(kind, check, reason = nil)
  line = "#{kind} #{SUITE} #{check}"
  if reason
    reason = reason.to_s.gsub(/\s+/, ' ').strip
    reason = reason[0, 600] + '...' if reason.length > 600
    line += ": #{reason}"
  end
  puts line
end

def check(name)
  return emit('FAIL', name, $blocked) && false if $blocked
  yield
  emit('ok', name)
  true
rescue CheckFailed => e
  emit('FAIL', name, e.message)
  false
rescue StandardError => e
  warn "#{name}: #{e.full_message}"
  emit('FAIL', name, "#{e.class}: #{e.message}")
  false
end

# A check of an optional protocol feature: run when the server offers it (PORPOISE_FEATURES,
# read from its handshake by the runner) or E2E_PENDING is set; else reported as pending.
def feature_check(name, feature, &block)
  offered = (ENV['PORPOISE_FEATURES'] || '').split
  if !offered.include?(feature) && (ENV['E2E_PENDING'] || '').empty? && !$blocked
    emit('pending', name, "the server does not offer #{feature} yet")
  else
    check(name, &block)
  end
end

def expect(cond, message)
  raise CheckFailed, message unless cond
end

def expect_eq(got, want, what)
  expect(got == want, "#{what}: got #{got.inspect[0, 80]}, expected #{want.inspect[0, 80]}")
end

def connect(user: 'root', password: '', database: nil, encoding: 'utf8mb4', flags: 0, **extra)
  Mysql2::Client.new(host: HOST, port: PORT, username: user, password: password, database: database,
                     encoding: encoding, connect_timeout: 10, flags: flags, **extra)
end

def scalar(client, sql)
  client.query(sql, as: :array).first&.first
end

def expect_error(errno, sqlstate, message = nil)
  yield
rescue Mysql2::Error => e
  expect(e.error_number == errno, "errno #{e.error_number}, expected #{errno} (#{e.message})")
  expect(e.sql_state == sqlstate, "SQLSTATE #{e.sql_state}, expected #{sqlstate} (#{e.message})")
  expect(message.nil? || e.message.b.start_with?(message.b), "message #{e.message.inspect}, expected #{message.inspect}...")
else
  raise CheckFailed, "succeeded, expected error #{errno}"
end

TEXT = 'Grüße 🐬 𝄞 ok'
BLOB = (0..255).to_a.pack('C*')
# [name, SQL type, SQL literal, expected value as mysql2 casts it, parameter]
COLUMNS = [
  ['i', 'INT', '-2147483648', -2147483648, -2147483648],
  ['bi', 'BIGINT', '-9223372036854775808', -9223372036854775808, -9223372036854775808],
  ['bu', 'BIGINT UNSIGNED', '18446744073709551615', 18446744073709551615, 18446744073709551615],
  ['de', 'DECIMAL(30,10)', '12345678901234567890.0123456789', BigDecimal('12345678901234567890.0123456789'),
   BigDecimal('12345678901234567890.0123456789')],
  ['db', 'DOUBLE', '6.02214076e23', 6.02214076e23, 6.02214076e23],
  ['s', 'VARCHAR(50)', "'#{TEXT}'", TEXT, TEXT],
  ['b', 'BLOB', "X'#{BLOB.unpack1('H*')}'", BLOB, BLOB],
  ['d', 'DATE', "'2024-02-29'", Date.new(2024, 2, 29), '2024-02-29'],
  ['t', 'TIME', "'13:07:59'", '13:07:59', '13:07:59'],
  ['dt', 'DATETIME(6)', "'2024-02-29 13:45:07.123456'", '2024-02-29 13:45:07.123456', '2024-02-29 13:45:07.123456'],
  ['n', 'INT', 'NULL', nil, nil]
].freeze
DDL = "(id INT PRIMARY KEY, #{COLUMNS.map { |c| "#{c[0]} #{c[1]}" }.join(', ')})"
NAMES = COLUMNS.map(&:first).join(', ')

# TIME comes back as a Time on 2000-01-01 and DATETIME as a Time: compared by their text
def normalize(name, value)
  case name
  when 't' then value.is_a?(Time) ? value.strftime('%H:%M:%S') : value
  when 'dt' then value.is_a?(Time) ? value.strftime('%Y-%m-%d %H:%M:%S.%6N') : value
  else value
  end
end

def compare_type_rows(rows)
  expect(rows.size == 2, "expected 2 rows, got #{rows.size}")
  problems = []
  COLUMNS.each_with_index do |(name, _, _, want), i|
    got = normalize(name, rows[0][i])
    same = got == want && got.class == want.class
    same &&= got.encoding == want.encoding if got.is_a?(String)
    problems << "#{name} got #{got.inspect[0, 60]} (#{got.class}#{got.is_a?(String) ? ' ' + got.encoding.to_s : ''}) expected #{want.inspect[0, 60]}" unless same
    problems << "#{name} (NULL row) got #{rows[1][i].inspect}" unless rows[1][i].nil?
  end
  expect(problems.empty?, problems.join('; '))
end

def prepared(client, sql, *args)
  stmt = client.prepare(sql)
  begin
    result = stmt.execute(*args, as: :array)
    result ? result.to_a : []
  ensure
    stmt.close # also when the execution failed
  end
end

logged_in = check('login') do
  c = connect
  expect_eq(scalar(c, 'SELECT CURRENT_USER()'), 'root@localhost', 'CURRENT_USER()')
  c.close
end
# libmariadb's caching_sha2_password plugin: the full authentication sends the password over
# TLS, verified against the CA the server generated
check('login-password') do
  user = ENV.fetch('E2E_SHA2_USER', 'e2e_sha2')
  password = ENV.fetch('E2E_SHA2_PASSWORD', '')
  expect(!password.empty?, 'no password for the e2e accounts (E2E_SHA2_PASSWORD unset)')
  c = connect(user: user, password: password, sslca: ENV.fetch('PORPOISE_CA', ''), sslverify: true)
  expect_eq(scalar(c, 'SELECT CURRENT_USER()'), "#{user}@%", 'CURRENT_USER()')
  c.close
end
check('login-wrong-password') do
  expect_error(1045, '28000') { connect(password: 'nope').close }
end
$blocked = 'not run: cannot log in (see the login check)' unless logged_in

check('use-db') do
  c = connect
  ["DROP DATABASE IF EXISTS #{DB}", "CREATE DATABASE #{DB}",
   "DROP DATABASE IF EXISTS #{DB}_other", "CREATE DATABASE #{DB}_other"].each { |s| c.query(s) }
  c.select_db(DB)
  expect_eq(scalar(c, 'SELECT DATABASE()'), DB, 'DATABASE() after select_db')
  c.query("USE #{DB}_other")
  expect_eq(scalar(c, 'SELECT DATABASE()'), "#{DB}_other", 'DATABASE() after USE')
  c.close
  c = connect(database: DB)
  expect_eq(scalar(c, 'SELECT DATABASE()'), DB, 'DATABASE() after connect')
  c.close
end

conn = $blocked ? nil : connect(database: DB)
params = COLUMNS.map { |c| c[4] }
marks = (['?'] * (COLUMNS.size + 1)).join(', ')

check('types-text') do
  conn.query('DROP TABLE IF EXISTS types_text')
  conn.query("CREATE TABLE types_text #{DDL}")
  conn.query("INSERT INTO types_text VALUES (1, #{COLUMNS.map { |c| c[2] }.join(', ')})")
  conn.query('INSERT INTO types_text (id) VALUES (2)')
  compare_type_rows(conn.query("SELECT #{NAMES} FROM types_text ORDER BY id", as: :array).to_a)
end
check('types-prepared') do
  conn.query('DROP TABLE IF EXISTS types_prepared')
  conn.query("CREATE TABLE types_prepared #{DDL}")
  prepared(conn, "INSERT INTO types_prepared VALUES (#{marks})", 1, *params)
  prepared(conn, "INSERT INTO types_prepared VALUES (#{marks})", 2, *([nil] * params.size))
  compare_type_rows(prepared(conn, "SELECT #{NAMES} FROM types_prepared WHERE bu = ? OR id = ? ORDER BY id",
                             18446744073709551615, 2))
end
check('types-prepared-read-text-written') do
  compare_type_rows(prepared(conn, "SELECT #{NAMES} FROM types_text WHERE id IN (?, ?) ORDER BY id", 1, 2))
end

check('transaction-rollback') do
  b = connect(database: DB)
  conn.query('DROP TABLE IF EXISTS tx')
  conn.query('CREATE TABLE tx (id INT PRIMARY KEY, v VARCHAR(10))')
  conn.query('BEGIN')
  conn.query("INSERT INTO tx VALUES (1, 'gone')")
  expect_eq(scalar(conn, 'SELECT COUNT(*) FROM tx'), 1, 'rows inside the transaction')
  conn.query('ROLLBACK')
  expect_eq(scalar(conn, 'SELECT COUNT(*) FROM tx'), 0, 'rows after rollback')
  expect_eq(scalar(b, 'SELECT COUNT(*) FROM tx'), 0, 'rows seen by another session')
  b.close
end
check('transaction-commit') do
  b = connect(database: DB)
  conn.query('START TRANSACTION')
  conn.query("INSERT INTO tx VALUES (2, 'kept')")
  expect_eq(scalar(b, 'SELECT COUNT(*) FROM tx'), 0, 'uncommitted rows seen by another session')
  conn.query('COMMIT')
  expect_eq(scalar(b, 'SELECT v FROM tx WHERE id = 2'), 'kept', 'committed row seen by another session')
  b.close
end

# as a text query and as a server-side prepared statement
def via_both(conn, sql, errno, state)
  expect_error(errno, state) { conn.query(sql) }
  expect_error(errno, state) { prepared(conn, sql) }
end
check('error-no-such-table') { via_both(conn, 'SELECT * FROM no_such_table', 1146, '42S02') }
check('error-syntax') { via_both(conn, 'SELEC 1', 1064, '42000') }
check('error-duplicate-key') do
  conn.query('DROP TABLE IF EXISTS dup')
  conn.query('CREATE TABLE dup (id INT PRIMARY KEY)')
  conn.query('INSERT INTO dup VALUES (1)')
  via_both(conn, 'INSERT INTO dup VALUES (1)', 1062, '23000')
end
check('error-unknown-database') { expect_error(1049, '42000') { conn.query('USE no_such_database') } }
# A Statement whose prepare failed is finalized by the GC; if that happens while an unbuffered
# result is being read on the same connection (stream-100k), libmariadb's mysql_stmt_close
# flushes that result and the stream ends early, whatever the server. Collect them now.
GC.start

check('ping') do
  expect(conn.ping, 'ping returned false')
  expect_eq(scalar(conn, 'SELECT 1'), 1, 'SELECT 1 after ping')
end

check('stream-100k') do
  count = 0
  sum = 0
  conn.query('SELECT X FROM SYSTEM_RANGE(1, 100000)', stream: true, cache_rows: false, as: :array).each do |row|
    count += 1
    sum += row[0]
  end
  expect(count == 100_000 && sum == 5_000_050_000, "rows #{count} sum #{sum}, expected 100000 and 5000050000")
  expect_eq(scalar(conn, 'SELECT 2'), 2, 'next query on the connection')
end

large = lambda do |write|
  value = Random.new(20).bytes(20 * 1024 * 1024)
  conn.query('DROP TABLE IF EXISTS big')
  conn.query('CREATE TABLE big (id INT PRIMARY KEY, v LONGBLOB)')
  write.call(value)
  back = scalar(conn, 'SELECT v FROM big WHERE id = 1')
  expect(back.is_a?(String), "got #{back.class}")
  expect(Digest::SHA256.digest(back) == Digest::SHA256.digest(value),
         "SHA-256 differs: #{back.bytesize} bytes, expected #{value.bytesize}")
end
check('large-value-20mib') do
  large.call(->(v) { conn.query("INSERT INTO big VALUES (1, '#{conn.escape(v)}')") })
end
check('large-value-20mib-prepared') do
  large.call(->(v) { prepared(conn, 'INSERT INTO big VALUES (1, ?)', v) })
end

check('charset-latin1') do
  conn.query('DROP TABLE IF EXISTS latin')
  conn.query('CREATE TABLE latin (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20))')
  latin = connect(database: DB, encoding: 'latin1')
  expect_eq(scalar(latin, 'SELECT @@character_set_client'), 'latin1', '@@character_set_client')
  # mysql2 sends a query string's bytes as they are: the application encodes it for the
  # connection (MySQL's latin1 is Windows-1252); results come back tagged ISO-8859-1
  text = 'Grüße €'.encode('Windows-1252')
  latin.query("INSERT INTO latin (id, s) VALUES (1, '#{text}')".encode('Windows-1252'))
  back = scalar(latin, 'SELECT s FROM latin WHERE id = 1')
  expect_eq(back.b, "Gr\xFC\xDFe \x80".b, 'bytes read back as latin1')
  expect_eq(scalar(latin, "SELECT CHAR_LENGTH('\xFC\xDF')".b), 2, 'CHAR_LENGTH of a latin1 literal')
  # into a VARBINARY column a string keeps the client's bytes: latin1, not UTF-8
  latin.query("INSERT INTO latin VALUES (2, '#{text}', '#{text}')".encode('Windows-1252'))
  prepared(latin, 'INSERT INTO latin VALUES (?, ?, ?)', 3, text, text)
  latin.close
  expect_eq(scalar(conn, 'SELECT s FROM latin WHERE id = 1'), 'Grüße €', 'read back as utf8mb4')
  { 2 => 'a literal', 3 => 'a prepared statement' }.each do |id, how|
    got = scalar(conn, "SELECT b FROM latin WHERE id = #{id}")
    expect(got.is_a?(String) && got.b == text.b,
           "VARBINARY from #{how}: got #{got.is_a?(String) ? got.unpack1('H*').upcase : got.inspect}, " \
           "expected #{text.unpack1('H*').upcase} (the client's bytes)")
  end
end

check('invalid-bytes') do
  # bytes that are no UTF-8 (a latin1 'é', 0xE9) in a binary string on the utf8mb4 connection,
  # sent as they are: into a VARCHAR column MySQL's 1366, nothing stored; into a VARBINARY
  # column the bytes are kept. In the SQL text, escaped by Client#escape, as a prepared parameter.
  bad = "caf\xE9".b
  conn.query('DROP TABLE IF EXISTS bad_bytes')
  conn.query('CREATE TABLE bad_bytes (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20))')
  ways = {
    'a literal' => ->(column, id) { conn.query("INSERT INTO bad_bytes (id, #{column}) VALUES (#{id}, '".b + bad + "')".b) },
    'an escaped string' => lambda do |column, id|
      conn.query("INSERT INTO bad_bytes (id, #{column}) VALUES (#{id}, '".b + conn.escape(bad) + "')".b)
    end,
    'a prepared statement' => ->(column, id) { prepared(conn, "INSERT INTO bad_bytes (id, #{column}) VALUES (?, ?)", id, bad) }
  }
  ways.each_with_index do |(how, insert), i|
    id = i + 1
    begin
      expect_error(1366, 'HY000', "Incorrect string value: '\\xE9'") { insert.call('s', id) }
    rescue CheckFailed => e
      raise CheckFailed, "into VARCHAR as #{how}: #{e.message}"
    end
    expect_eq(scalar(conn, "SELECT COUNT(*) FROM bad_bytes WHERE id = #{id}"), 0, "rows after the refused insert (#{how})")
    insert.call('b', id)
    got = scalar(conn, "SELECT b FROM bad_bytes WHERE id = #{id}")
    expect(got.is_a?(String) && got.b == bad, "VARBINARY from #{how}: got #{got.inspect}, expected #{bad.inspect}")
  end
end

feature_check('multi-statements', 'multi-statements') do
  m = connect(database: DB, flags: Mysql2::Client::MULTI_STATEMENTS)
  results = [m.query('SELECT 1; SELECT 2, 3', as: :array).to_a]
  while m.next_result
    results << m.store_result.to_a
  end
  expect_eq(results, [[[1]], [[2, 3]]], 'result sets')
  expect_eq(scalar(m, 'SELECT 4'), 4, 'next query on the connection')
  m.close
end
feature_check('compression', 'compress') do
  c = connect(database: DB, flags: Mysql2::Client::COMPRESS)
  expect_eq(c.query('SELECT X FROM SYSTEM_RANGE(1, 20000)', as: :array).count, 20_000, 'rows')
  expect_eq(scalar(c, "SELECT REPEAT('ab', 100000)"), 'ab' * 100_000, 'a 200 KB value')
  c.close
end
feature_check('tls', 'tls') do
  t = connect(database: DB, ssl_mode: :required) # the server's own certificate, not verified
  expect_eq(scalar(t, 'SELECT CURRENT_USER()'), 'root@localhost', 'CURRENT_USER() over TLS')
  t.close
end

unless $blocked
  conn.query("DROP DATABASE IF EXISTS #{DB}")
  conn.query("DROP DATABASE IF EXISTS #{DB}_other")
  conn.close
end
