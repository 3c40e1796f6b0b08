package io.porpoise.it;

import static io.porpoise.it.AccountsIT.mysql;
import static io.porpoise.it.AccountsIT.one;
import static io.porpoise.it.AccountsIT.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.JdbcConnection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.porpoise.auth.nativepassword.NativePasswordPlugin;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.PayloadWriter;
import io.porpoise.wire.packet.ErrPacket;
import io.porpoise.wire.packet.HandshakeResponse41;
import io.porpoise.wire.packet.HandshakeV10;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** COM_CHANGE_USER between accounts: Connector/J's changeUser and the raw protocol (auth switch, reset, failure closes). */
class ChangeUserIT {

    private static ServerFixture withAccounts() throws SQLException {
        ServerFixture fx = ServerFixture.start();
        try (Connection root = fx.mysql("")) {
            run(root, "CREATE USER alice IDENTIFIED BY 'a1'", "CREATE USER bob IDENTIFIED WITH mysql_native_password BY 'b1'",
                    "CREATE DATABASE shop", "CREATE TABLE shop.t (id INT)", "GRANT ALL ON shop.* TO bob", "GRANT ALL ON shop.* TO alice");
        }
        return fx;
    }

    @Test
    void connectorJChangesUserAndResetsTheSession() throws Exception {
        try (ServerFixture fx = withAccounts();
                Connection c = mysql(fx, "bob", "b1", "&allowPublicKeyRetrieval=true")) {
            JdbcConnection j = (JdbcConnection) c;
            run(c, "SET @v = 5", "USE shop", "SET autocommit = 0", "INSERT INTO shop.t VALUES (1)");
            j.changeUser("alice", "a1");
            assertEquals("alice@%", one(c, "SELECT CURRENT_USER()"));
            assertNull(one(c, "SELECT @v"), "user variables are reset");
            c.setAutoCommit(true);
            assertEquals("0", one(c, "SELECT COUNT(*) FROM shop.t"), "the open transaction was rolled back");
            // Back to a mysql_native_password account: an auth switch from the client's caching_sha2_password.
            j.changeUser("bob", "b1");
            assertEquals("bob@%", one(c, "SELECT CURRENT_USER()"));
            // alice is cached now: the fast path.
            j.changeUser("alice", "a1");
            assertEquals("alice@%", one(c, "SELECT CURRENT_USER()"));
            SQLException e = assertThrows(SQLException.class, () -> j.changeUser("alice", "wrong"));
            assertEquals(1045, e.getErrorCode(), e.getMessage());
            assertEquals("28000", e.getSQLState());
            assertThrows(SQLException.class, () -> one(c, "SELECT 1"), "the connection is closed after a failed change");
        }
    }

    /**
     * Over TLS the new exchange knows the transport is secure: caching_sha2_password's full
     * authentication takes the password inside TLS, with no RSA key (Connector/J is not allowed
     * to fetch one here).
     */
    @Test
    void changeUserOverTlsUsesTheSecureTransport() throws Exception {
        try (ServerFixture fx = withAccounts();
                Connection c = java.sql.DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + fx.port()
                        + "/?user=bob&password=b1&sslMode=REQUIRED")) {
            JdbcConnection j = (JdbcConnection) c;
            j.changeUser("alice", "a1");
            assertEquals("alice@%", one(c, "SELECT CURRENT_USER()"));
            try (java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_version'")) {
                org.junit.jupiter.api.Assertions.assertTrue(rs.next());
                org.junit.jupiter.api.Assertions.assertTrue(rs.getString(2).startsWith("TLSv1."), rs.getString(2));
            }
        }
    }

    @Test
    void rawChangeUserWithAuthSwitchAndFailure() throws Exception {
        try (ServerFixture fx = withAccounts(); RawProtocolIT.RawClient c = new RawProtocolIT.RawClient(fx.port())) {
            HandshakeV10 hello = c.handshake();
            byte[] scramble = Arrays.copyOf(hello.authPluginData(), 20);
            Capabilities caps = Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41, CapabilityFlag.CLIENT_SECURE_CONNECTION,
                    CapabilityFlag.CLIENT_PLUGIN_AUTH, CapabilityFlag.CLIENT_DEPRECATE_EOF, CapabilityFlag.CLIENT_TRANSACTIONS);
            ByteBuf b = Unpooled.buffer();
            new HandshakeResponse41(caps, 1 << 24, 255, "root", new byte[0], null, "caching_sha2_password", Map.of(), 0)
                    .encode(b, StandardCharsets.UTF_8);
            c.write(1, bytes(b));
            assertEquals(0, c.read()[0], "root logged in");

            // A prepared statement that the change must close.
            c.write(0, command(0x16, "SELECT 1".getBytes(StandardCharsets.UTF_8)));
            byte[] prepareOk = c.read();
            long statementId = new PayloadReader(Unpooled.wrappedBuffer(prepareOk, 1, 4)).readInt4();
            int columns = (prepareOk[5] & 0xFF) | (prepareOk[6] & 0xFF) << 8;
            for (int i = 0; i < columns; i++) {
                c.read(); // column definitions; no EOF with CLIENT_DEPRECATE_EOF
            }

            // bob with the native response for the first scramble: OK at once.
            c.write(0, changeUser("bob", NativePasswordPlugin.scramble("b1", scramble), "mysql_native_password"));
            assertEquals(0, c.read()[0], "COM_CHANGE_USER OK");
            assertEquals(1, c.lastSeq);
            assertEquals("bob@%", value(c, "SELECT CURRENT_USER()"));

            ByteArrayOutputStream execute = new ByteArrayOutputStream();
            execute.write(new byte[] {0x17, (byte) statementId, (byte) (statementId >> 8), 0, 0, 0, 1, 0, 0, 0});
            c.write(0, execute.toByteArray());
            ErrPacket gone = RawProtocolIT.err(c.read());
            assertEquals(1243, gone.errorCode(), "prepared statements are closed by COM_CHANGE_USER");

            // bob again, claiming caching_sha2_password: the server switches the client to bob's plugin.
            c.write(0, changeUser("bob", new byte[32], "caching_sha2_password"));
            byte[] sw = c.read();
            assertEquals(0xFE, sw[0] & 0xFF, "AuthSwitchRequest");
            PayloadReader r = new PayloadReader(Unpooled.wrappedBuffer(sw, 1, sw.length - 1));
            assertEquals("mysql_native_password", r.readNulTerminatedString(StandardCharsets.US_ASCII));
            byte[] fresh = Arrays.copyOf(r.readRestOfPacketBytes(), 20);
            assertFalse(Arrays.equals(scramble, fresh), "a new scramble with the switch");
            c.write(c.lastSeq + 1, NativePasswordPlugin.scramble("b1", fresh));
            assertEquals(0, c.read()[0], "OK after the switch");

            // A wrong password: ERR, then the server closes the connection.
            c.write(0, changeUser("bob", NativePasswordPlugin.scramble("nope", scramble), "mysql_native_password"));
            ErrPacket denied = RawProtocolIT.err(c.read());
            assertEquals(1045, denied.errorCode());
            assertEquals("28000", denied.sqlState());
            assertEquals("Access denied for user 'bob'@'localhost' (using password: YES)", denied.message());
            assertTrue(c.closedByServer());
        }
    }

    /** Runs a one-value text query and returns the value. */
    private static String value(RawProtocolIT.RawClient c, String sql) throws Exception {
        c.write(0, RawProtocolIT.query(sql));
        assertEquals(1, c.read()[0], "one column");
        c.read();
        byte[] row = c.read();
        assertEquals(0xFE, c.read()[0] & 0xFF, "end of rows");
        return new String(row, 1, row[0], StandardCharsets.UTF_8);
    }

    private static byte[] changeUser(String user, byte[] auth, String plugin) {
        ByteBuf b = Unpooled.buffer();
        PayloadWriter.writeInt1(b, 0x11);
        PayloadWriter.writeNulTerminatedBytes(b, user.getBytes(StandardCharsets.UTF_8));
        PayloadWriter.writeInt1(b, auth.length);
        b.writeBytes(auth);
        PayloadWriter.writeNulTerminatedBytes(b, new byte[0]);
        PayloadWriter.writeInt2(b, 255);
        PayloadWriter.writeNulTerminatedBytes(b, plugin.getBytes(StandardCharsets.US_ASCII));
        return bytes(b);
    }

    private static byte[] command(int command, byte[] body) {
        byte[] p = new byte[body.length + 1];
        p[0] = (byte) command;
        System.arraycopy(body, 0, p, 1, body.length);
        return p;
    }

    private static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        b.release();
        return out;
    }
}
