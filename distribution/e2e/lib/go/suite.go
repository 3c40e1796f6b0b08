// The go-sql-driver/mysql suites (Debian golang-github-go-sql-driver-mysql-dev), through
// database/sql as applications use it. Built offline from /usr/share/gocode (GOPATH mode), run
// by suites/go-sql-driver.sh and suites/go-sql-driver-interpolate.sh:
//
//	go run suite.go -name go-sql-driver                 # server-side prepared statements
//	go run suite.go -name go-sql-driver-interpolate -interpolate
//
// Without interpolateParams, a query with arguments is COM_STMT_PREPARE/EXECUTE/CLOSE (binary
// rows) and one without arguments a COM_QUERY; with it, the driver escapes the arguments into
// the SQL text itself. Driver 1.5 keeps no SQLSTATE (MySQLError has Number and Message), so
// errors are checked by errno; it has no compression, change-user or COM_RESET_CONNECTION.
//
// Output: one line per check, `ok|FAIL|pending <suite> <check>[: reason]` (see ../e2e.py).
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
)

type checkFailed struct{ msg string }

func (c checkFailed) Error() string { return c.msg }

func failf(format string, args ...interface{}) { panic(checkFailed{fmt.Sprintf(format, args...)}) }

func expect(cond bool, format string, args ...interface{}) {
	if !cond {
		failf(format, args...)
	}
}

type suite struct {
	name, db    string
	interpolate bool
	blocked     string
	host, port  string
}

func (s *suite) emit(kind, check, reason string) {
	reason = strings.Join(strings.Fields(reason), " ")
	if len(reason) > 600 {
		reason = reason[:600] + "..."
	}
	if reason == "" {
		fmt.Printf("%s %s %s\n", kind, s.name, check)
	} else {
		fmt.Printf("%s %s %s: %s\n", kind, s.name, check, reason)
	}
}

// check runs fn; a panic with checkFailed or an error from the driver is a FAIL.
func (s *suite) check(name string, fn func()) (ok bool) {
	if s.blocked != "" {
		s.emit("FAIL", name, s.blocked)
		return false
	}
	defer func() {
		if r := recover(); r != nil {
			if c, isCheck := r.(checkFailed); isCheck {
				s.emit("FAIL", name, c.msg)
			} else {
				fmt.Fprintf(os.Stderr, "%s: %v\n", name, r)
				s.emit("FAIL", name, fmt.Sprint(r))
			}
			ok = false
		}
	}()
	fn()
	s.emit("ok", name, "")
	return true
}

// featureCheck runs a check of an optional protocol feature only when the server offers it
// (PORPOISE_FEATURES, read from its handshake by the runner) or E2E_PENDING is set.
func (s *suite) featureCheck(name, feature string, fn func()) {
	offered := false
	for _, f := range strings.Fields(os.Getenv("PORPOISE_FEATURES")) {
		offered = offered || f == feature
	}
	if !offered && os.Getenv("E2E_PENDING") == "" && s.blocked == "" {
		s.emit("pending", name, "the server does not offer "+feature+" yet")
		return
	}
	s.check(name, fn)
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func (s *suite) open(password, database string, extra string) *sql.DB {
	return s.openAs("root", password, database, extra)
}

func (s *suite) openAs(user, password, database string, extra string) *sql.DB {
	// maxAllowedPacket=0: the driver reads @@max_allowed_packet (its own default is 4 MiB)
	dsn := fmt.Sprintf("%s:%s@tcp(%s:%s)/%s?timeout=10s&maxAllowedPacket=0&interpolateParams=%t%s",
		user, password, s.host, s.port, database, s.interpolate, extra)
	db, err := sql.Open("mysql", dsn)
	must(err)
	db.SetMaxIdleConns(2)
	return db
}

func errnoOf(err error) (uint16, string) {
	var me *mysql.MySQLError
	if errors.As(err, &me) {
		return me.Number, me.Message
	}
	return 0, fmt.Sprint(err)
}

func expectErrno(err error, want uint16) {
	expect(err != nil, "succeeded, expected error %d", want)
	got, msg := errnoOf(err)
	expect(got == want, "errno %d, expected %d (%s)", got, want, msg)
}

// text of a value as database/sql returns it: []byte from text rows, typed from binary rows
func text(v interface{}) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case []byte:
		return string(x), true
	case string:
		return x, true
	case int64:
		return strconv.FormatInt(x, 10), true
	case uint64:
		return strconv.FormatUint(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), true
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32), true
	case time.Time:
		return x.Format("2006-01-02 15:04:05.999999"), true
	}
	return fmt.Sprintf("%v (%T)", v, v), true
}

type column struct {
	name, sqlType, literal string
	want                   string // exact text read back (DOUBLE: compared as a float)
	param                  interface{}
}

var blob = func() []byte {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

const utf8Text = "Grüße 🐬 𝄞 ok"

var typeColumns = []column{
	{"i", "INT", "-2147483648", "-2147483648", int64(math.MinInt32)},
	{"bi", "BIGINT", "-9223372036854775808", "-9223372036854775808", int64(math.MinInt64)},
	{"bu", "BIGINT UNSIGNED", "18446744073709551615", "18446744073709551615", uint64(math.MaxUint64)},
	{"de", "DECIMAL(30,10)", "12345678901234567890.0123456789", "12345678901234567890.0123456789",
		"12345678901234567890.0123456789"},
	{"db", "DOUBLE", "6.02214076e23", "6.02214076e23", 6.02214076e23},
	{"s", "VARCHAR(50)", "'" + utf8Text + "'", utf8Text, utf8Text},
	{"b", "BLOB", fmt.Sprintf("X'%x'", blob), string(blob), blob},
	{"d", "DATE", "'2024-02-29'", "2024-02-29", "2024-02-29"},
	{"t", "TIME", "'13:07:59'", "13:07:59", "13:07:59"},
	{"dt", "DATETIME(6)", "'2024-02-29 13:45:07.123456'", "2024-02-29 13:45:07.123456", "2024-02-29 13:45:07.123456"},
	{"n", "INT", "NULL", "", nil},
}

func typeDDL() string {
	parts := []string{"id INT PRIMARY KEY"}
	for _, c := range typeColumns {
		parts = append(parts, c.name+" "+c.sqlType)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func typeSelect(table, where string) string {
	names := []string{}
	for _, c := range typeColumns {
		names = append(names, c.name)
	}
	return "SELECT " + strings.Join(names, ", ") + " FROM " + table + where + " ORDER BY id"
}

func readRows(rows *sql.Rows, err error) [][]interface{} {
	must(err)
	defer rows.Close()
	cols, err := rows.Columns()
	must(err)
	var out [][]interface{}
	for rows.Next() {
		vals := make([]interface{}, len(cols))
		ptrs := make([]interface{}, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		must(rows.Scan(ptrs...))
		out = append(out, vals)
	}
	must(rows.Err())
	return out
}

func compareTypeRows(rows [][]interface{}) {
	expect(len(rows) == 2, "expected 2 rows, got %d", len(rows))
	var problems []string
	for i, c := range typeColumns {
		got, notNull := text(rows[0][i])
		switch {
		case c.param == nil:
			if notNull {
				problems = append(problems, fmt.Sprintf("%s got %q expected NULL", c.name, got))
			}
		case c.sqlType == "DOUBLE":
			f, err := strconv.ParseFloat(got, 64)
			if err != nil || f != c.param.(float64) {
				problems = append(problems, fmt.Sprintf("%s got %q (%T) expected %s", c.name, got, rows[0][i], c.want))
			}
		case got != c.want:
			if c.name == "b" {
				problems = append(problems, c.name+" "+bytesDifference([]byte(got), blob))
			} else {
				problems = append(problems, fmt.Sprintf("%s got %q (%T) expected %q", c.name, got, rows[0][i], c.want))
			}
		}
		if rows[1][i] != nil {
			problems = append(problems, fmt.Sprintf("%s (NULL row) got %v", c.name, rows[1][i]))
		}
	}
	expect(len(problems) == 0, "%s", strings.Join(problems, "; "))
}

func bytesDifference(got, want []byte) string {
	k := 0
	for k < len(got) && k < len(want) && got[k] == want[k] {
		k++
	}
	return fmt.Sprintf("%d bytes, expected %d; first difference at byte %d", len(got), len(want), k)
}

func scalar(q interface {
	QueryRow(string, ...interface{}) *sql.Row
}, sqlText string, args ...interface{}) string {
	var v interface{}
	must(q.QueryRow(sqlText, args...).Scan(&v))
	s, _ := text(v)
	return s
}

func expectEqual(got, want, what string) {
	expect(got == want, "%s: got %q, expected %q", what, got, want)
}

func main() {
	s := &suite{host: os.Getenv("PORPOISE_HOST"), port: os.Getenv("PORPOISE_PORT")}
	flag.StringVar(&s.name, "name", "go-sql-driver", "suite name")
	flag.BoolVar(&s.interpolate, "interpolate", false, "interpolateParams=true")
	flag.Parse()
	if s.host == "" {
		s.host = "127.0.0.1"
	}
	if s.port == "" {
		s.port = "3306"
	}
	s.db = "e2e_" + strings.ReplaceAll(s.name, "-", "_")
	ctx := context.Background()

	loggedIn := s.check("login", func() {
		db := s.open("", "", "")
		defer db.Close()
		expectEqual(scalar(db, "SELECT CURRENT_USER()"), "root@localhost", "CURRENT_USER()")
	})
	// caching_sha2_password without TLS: when the server asks for full authentication (a
	// password not in its cache) the driver requests the server's RSA public key and sends the
	// password encrypted with it; once cached, the scramble alone (fast path) logs in.
	s.check("login-password", func() {
		user, password := os.Getenv("E2E_SHA2_USER"), os.Getenv("E2E_SHA2_PASSWORD")
		expect(user != "" && password != "", "no e2e account (E2E_SHA2_USER/E2E_SHA2_PASSWORD unset)")
		db := s.openAs(user, password, "", "")
		defer db.Close()
		expectEqual(scalar(db, "SELECT CURRENT_USER()"), user+"@%", "CURRENT_USER()")
	})
	s.check("login-wrong-password", func() {
		db := s.open("nope", "", "")
		defer db.Close()
		expectErrno(db.Ping(), 1045)
	})
	if !loggedIn {
		s.blocked = "not run: cannot log in (see the login check)"
	}

	var root *sql.DB
	if s.blocked == "" {
		root = s.open("", "", "")
		defer root.Close()
	}
	s.check("use-db", func() {
		for _, stmt := range []string{"DROP DATABASE IF EXISTS " + s.db, "CREATE DATABASE " + s.db,
			"DROP DATABASE IF EXISTS " + s.db + "_other", "CREATE DATABASE " + s.db + "_other"} {
			_, err := root.Exec(stmt)
			must(err)
		}
		// USE changes one connection of the pool: pin one
		conn, err := root.Conn(ctx)
		must(err)
		defer conn.Close()
		_, err = conn.ExecContext(ctx, "USE "+s.db+"_other")
		must(err)
		var got string
		must(conn.QueryRowContext(ctx, "SELECT DATABASE()").Scan(&got))
		expectEqual(got, s.db+"_other", "DATABASE() after USE")
		// and the database of the DSN (in the handshake response)
		other := s.open("", s.db, "")
		defer other.Close()
		expectEqual(scalar(other, "SELECT DATABASE()"), s.db, "DATABASE() after connect")
	})

	var db *sql.DB
	if s.blocked == "" {
		db = s.open("", s.db, "")
		defer db.Close()
	}
	exec := func(stmt string, args ...interface{}) {
		_, err := db.Exec(stmt, args...)
		must(err)
	}
	params := []interface{}{}
	nulls := []interface{}{}
	literals := []string{}
	for _, c := range typeColumns {
		params = append(params, c.param)
		nulls = append(nulls, nil)
		literals = append(literals, c.literal)
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(typeColumns)+1), ", ")

	s.check("types-text", func() {
		exec("DROP TABLE IF EXISTS types_text")
		exec("CREATE TABLE types_text " + typeDDL())
		exec("INSERT INTO types_text VALUES (1, " + strings.Join(literals, ", ") + ")")
		exec("INSERT INTO types_text (id) VALUES (2)")
		compareTypeRows(readRows(db.Query(typeSelect("types_text", ""))))
	})
	// the same calls in both modes: interpolated by the driver, or prepared on the server
	typesName := "types-prepared"
	if s.interpolate {
		typesName = "types-params"
	}
	s.check(typesName, func() {
		exec("DROP TABLE IF EXISTS types_args")
		exec("CREATE TABLE types_args " + typeDDL())
		exec("INSERT INTO types_args VALUES ("+marks+")", append([]interface{}{1}, params...)...)
		exec("INSERT INTO types_args VALUES ("+marks+")", append([]interface{}{2}, nulls...)...)
		compareTypeRows(readRows(db.Query(typeSelect("types_args", " WHERE bu = ? OR id = ?"), uint64(math.MaxUint64), 2)))
	})
	if !s.interpolate {
		s.check("types-prepared-read-text-written", func() {
			compareTypeRows(readRows(db.Query(typeSelect("types_text", " WHERE id IN (?, ?)"), 1, 2)))
		})
		s.check("prepared-statement-reuse", func() {
			// one prepared statement, executed with changing parameters, NULLs and types
			stmt, err := db.Prepare("SELECT ?, ? IS NULL, CONCAT('x', ?)")
			must(err)
			defer stmt.Close()
			for i, args := range [][]interface{}{{1, nil, "a"}, {nil, 2, nil}, {"three", 3.5, 4}} {
				rows := readRows(stmt.Query(args...))
				expect(len(rows) == 1, "execution %d: %d rows", i, len(rows))
				first, _ := text(rows[0][0])
				isNull, _ := text(rows[0][1])
				concat, concatNotNull := text(rows[0][2])
				want := [][]string{{"1", "1", "xa"}, {"", "0", ""}, {"three", "0", "x4"}}[i]
				expect(first == want[0] && isNull == want[1] && concat == want[2] && concatNotNull == (want[2] != ""),
					"execution %d: got %v", i, rows[0])
			}
		})
	}

	s.check("transaction-rollback", func() {
		exec("DROP TABLE IF EXISTS tx")
		exec("CREATE TABLE tx (id INT PRIMARY KEY, v VARCHAR(10))")
		tx, err := db.Begin()
		must(err)
		_, err = tx.Exec("INSERT INTO tx VALUES (?, ?)", 1, "gone")
		must(err)
		expectEqual(scalar(tx, "SELECT COUNT(*) FROM tx"), "1", "rows inside the transaction")
		expectEqual(scalar(db, "SELECT COUNT(*) FROM tx"), "0", "rows seen by another session")
		must(tx.Rollback())
		expectEqual(scalar(db, "SELECT COUNT(*) FROM tx"), "0", "rows after rollback")
	})
	s.check("transaction-commit", func() {
		tx, err := db.Begin()
		must(err)
		_, err = tx.Exec("INSERT INTO tx VALUES (?, ?)", 2, "kept")
		must(err)
		expectEqual(scalar(db, "SELECT COUNT(*) FROM tx"), "0", "uncommitted rows seen by another session")
		must(tx.Commit())
		expectEqual(scalar(db, "SELECT v FROM tx WHERE id = ?", 2), "kept", "committed row seen by another session")
	})

	// without arguments a COM_QUERY; with one, prepared (or interpolated)
	viaBoth := func(stmt string, withArg string, errno uint16) {
		_, err := db.Exec(stmt)
		expectErrno(err, errno)
		_, err = db.Exec(withArg, 1)
		expectErrno(err, errno)
	}
	s.check("error-no-such-table", func() {
		viaBoth("SELECT * FROM no_such_table", "SELECT * FROM no_such_table WHERE 1 = ?", 1146)
	})
	s.check("error-syntax", func() { viaBoth("SELEC 1", "SELEC ?", 1064) })
	s.check("error-duplicate-key", func() {
		exec("DROP TABLE IF EXISTS dup")
		exec("CREATE TABLE dup (id INT PRIMARY KEY)")
		exec("INSERT INTO dup VALUES (1)")
		viaBoth("INSERT INTO dup VALUES (1)", "INSERT INTO dup VALUES (?)", 1062)
	})
	s.check("error-unknown-database", func() {
		_, err := db.Exec("USE no_such_database")
		expectErrno(err, 1049)
	})

	s.check("ping", func() {
		conn, err := db.Conn(ctx)
		must(err)
		defer conn.Close()
		must(conn.PingContext(ctx)) // COM_PING on this connection
		var one int
		must(conn.QueryRowContext(ctx, "SELECT 1").Scan(&one))
		expect(one == 1, "SELECT 1 after ping: %d", one)
	})

	s.check("stream-100k", func() {
		// database/sql reads rows from the connection as Next is called (no buffering)
		rows, err := db.Query("SELECT X FROM SYSTEM_RANGE(1, 100000)")
		must(err)
		var count, sum int64
		for rows.Next() {
			var x int64
			must(rows.Scan(&x))
			count++
			sum += x
		}
		must(rows.Err())
		rows.Close()
		expect(count == 100000 && sum == 5000050000, "rows %d sum %d, expected 100000 and 5000050000", count, sum)
		expectEqual(scalar(db, "SELECT 2"), "2", "next query")
	})

	largeName := "large-value-20mib-prepared"
	if s.interpolate {
		largeName = "large-value-20mib"
	}
	s.check(largeName, func() {
		value := make([]byte, 20*1024*1024)
		rand.New(rand.NewSource(20)).Read(value)
		exec("DROP TABLE IF EXISTS big")
		exec("CREATE TABLE big (id INT PRIMARY KEY, v LONGBLOB)")
		// prepared: the driver sends a parameter this large with COM_STMT_SEND_LONG_DATA
		exec("INSERT INTO big VALUES (1, ?)", value)
		var back []byte
		must(db.QueryRow("SELECT v FROM big WHERE id = 1").Scan(&back))
		expect(sha256.Sum256(back) == sha256.Sum256(value), "SHA-256 differs: %s", bytesDifference(back, value))
	})

	// how a query with arguments goes: interpolated by the driver or prepared on the server
	argsWay := "a prepared statement"
	if s.interpolate {
		argsWay = "an interpolated parameter"
	}
	s.check("charset-latin1", func() {
		const text = "Gr\xFC\xDFe \x80" // Grüße € in cp1252 (MySQL's latin1)
		exec("DROP TABLE IF EXISTS latin")
		exec("CREATE TABLE latin (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20))")
		latin := s.open("", s.db, "&charset=latin1")
		defer latin.Close()
		expectEqual(scalar(latin, "SELECT @@character_set_client"), "latin1", "@@character_set_client")
		_, err := latin.Exec("INSERT INTO latin (id, s) VALUES (1, '" + text + "')")
		must(err)
		_, err = latin.Exec("INSERT INTO latin (id, s) VALUES (?, ?)", 2, "\xFC\x80")
		must(err)
		expectEqual(scalar(latin, "SELECT s FROM latin WHERE id = 1"), text, "read back as latin1")
		expectEqual(scalar(db, "SELECT s FROM latin WHERE id = 1"), "Grüße €", "read back as utf8mb4")
		expectEqual(scalar(db, "SELECT s FROM latin WHERE id = 2"), "ü€", "a latin1 parameter read back as utf8mb4")
		// into a VARBINARY column a string keeps the client's bytes: latin1, not UTF-8
		_, err = latin.Exec("INSERT INTO latin VALUES (3, '" + text + "', '" + text + "')")
		must(err)
		_, err = latin.Exec("INSERT INTO latin VALUES (?, ?, ?)", 4, text, text)
		must(err)
		for id, how := range map[int]string{3: "a literal", 4: argsWay} {
			var got []byte
			must(db.QueryRow("SELECT b FROM latin WHERE id = ?", id).Scan(&got))
			expect(string(got) == text, "VARBINARY from %s: got %X, expected %X (the client's bytes)", how, got, text)
		}
	})

	s.check("invalid-bytes", func() {
		// bytes that are no UTF-8 (a latin1 'é', 0xE9) in a Go string on the utf8mb4 connection,
		// sent as they are: into a VARCHAR column MySQL's 1366, nothing stored; into a VARBINARY
		// column the bytes are kept. In the SQL text and as an argument.
		const bad = "caf\xE9"
		exec("DROP TABLE IF EXISTS bad_bytes")
		exec("CREATE TABLE bad_bytes (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20))")
		ways := []struct {
			how    string
			insert func(column string, id int) error
		}{
			{"a literal", func(column string, id int) error {
				_, err := db.Exec(fmt.Sprintf("INSERT INTO bad_bytes (id, %s) VALUES (%d, '%s')", column, id, bad))
				return err
			}},
			{argsWay, func(column string, id int) error {
				_, err := db.Exec("INSERT INTO bad_bytes (id, "+column+") VALUES (?, ?)", id, bad)
				return err
			}},
		}
		for i, w := range ways {
			id := i + 1
			err := w.insert("s", id)
			expect(err != nil, "into VARCHAR as %s: succeeded, expected error 1366", w.how)
			errno, msg := errnoOf(err)
			// driver 1.5 keeps no SQLSTATE: errno and message
			expect(errno == 1366 && strings.HasPrefix(msg, "Incorrect string value: '\\xE9'"),
				"into VARCHAR as %s: errno %d (%s), expected 1366 (Incorrect string value: '\\xE9' ...)", w.how, errno, msg)
			expectEqual(scalar(db, "SELECT COUNT(*) FROM bad_bytes WHERE id = ?", id), "0", "rows after the refused insert ("+w.how+")")
			must(w.insert("b", id))
			var got []byte
			must(db.QueryRow("SELECT b FROM bad_bytes WHERE id = ?", id).Scan(&got))
			expect(string(got) == bad, "VARBINARY from %s: got %X, expected %X", w.how, got, bad)
		}
	})

	s.featureCheck("multi-statements", "multi-statements", func() {
		multi := s.open("", s.db, "&multiStatements=true")
		defer multi.Close()
		rows, err := multi.Query("SELECT 1; SELECT 2, 3")
		must(err)
		defer rows.Close()
		var got []string
		for {
			cols, err := rows.Columns()
			must(err)
			vals := make([]interface{}, len(cols))
			ptrs := make([]interface{}, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			for rows.Next() {
				must(rows.Scan(ptrs...))
				for _, v := range vals {
					t, _ := text(v)
					got = append(got, t)
				}
			}
			got = append(got, "|")
			if !rows.NextResultSet() {
				break
			}
		}
		must(rows.Err())
		expectEqual(strings.Join(got, " "), "1 | 2 3 |", "result sets")
	})
	s.featureCheck("tls", "tls", func() {
		secure := s.open("", s.db, "&tls=skip-verify") // the server's own certificate, not verified
		defer secure.Close()
		expectEqual(scalar(secure, "SELECT CURRENT_USER()"), "root@localhost", "CURRENT_USER() over TLS")
	})

	if s.blocked == "" {
		exec("DROP DATABASE IF EXISTS " + s.db + "_other")
		exec("DROP DATABASE IF EXISTS " + s.db)
	}
	_ = bytes.Equal
}
