package io.porpoise.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of the server that counts the command bytes clients send (the
 * first payload byte of every client packet with sequence id 0), so a test can prove which
 * protocol path a client took (COM_QUERY 0x03, COM_STMT_PREPARE 0x16, COM_STMT_EXECUTE 0x17,
 * COM_STMT_FETCH 0x1C, ...). It also keeps the first bytes of each direction for a hex dump when a
 * test fails. No compression or TLS: the tests connect with both off.
 */
final class SniffingProxy implements AutoCloseable {
    static final int COM_QUERY = 0x03;
    static final int COM_STMT_PREPARE = 0x16;
    static final int COM_STMT_EXECUTE = 0x17;
    static final int COM_STMT_CLOSE = 0x19;
    static final int COM_STMT_RESET = 0x1A;
    static final int COM_STMT_FETCH = 0x1C;

    private static final int TRANSCRIPT_LIMIT = 64 * 1024;

    private final ServerSocket listener;
    private final int targetPort;
    private final ConcurrentHashMap<Integer, AtomicInteger> commands = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> transcript = new CopyOnWriteArrayList<>();
    private final AtomicInteger transcriptBytes = new AtomicInteger();

    SniffingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "sniffing-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many client packets with sequence id 0 started with this command byte. */
    int count(int command) {
        AtomicInteger n = commands.get(command);
        return n == null ? 0 : n.get();
    }

    void resetCounts() {
        commands.clear();
    }

    /** The first bytes seen in each direction, as hex, in arrival order ("C>" client to server, "S>" server to client). */
    String transcript() {
        return String.join("\n", transcript);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, true);
                pump(server, client, false);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean clientToServer) {
        Thread t = new Thread(() -> {
            PacketScanner scanner = new PacketScanner();
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (clientToServer) {
                        scanner.feed(buf, n);
                    }
                    record(clientToServer ? "C> " : "S> ", buf, n);
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // One side closed: close the other below.
            } catch (IOException e) {
                transcript.add("!! " + e);
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, clientToServer ? "sniffing-proxy-c2s" : "sniffing-proxy-s2c");
        t.setDaemon(true);
        t.start();
    }

    private void record(String prefix, byte[] buf, int n) {
        int room = TRANSCRIPT_LIMIT - transcriptBytes.get();
        if (room <= 0) {
            return;
        }
        int len = Math.min(room, n);
        transcriptBytes.addAndGet(len);
        StringBuilder sb = new StringBuilder(prefix.length() + len * 3);
        sb.append(prefix);
        for (int i = 0; i < len; i++) {
            sb.append(String.format("%02x", buf[i] & 0xFF));
            if (i % 32 == 31 && i + 1 < len) {
                sb.append("\n   ");
            } else if (i + 1 < len) {
                sb.append(' ');
            }
        }
        transcript.add(sb.toString());
    }

    /** Follows MySQL packet framing (3-byte length, 1-byte sequence id) across arbitrary read boundaries. */
    private final class PacketScanner {
        private final byte[] header = new byte[4];
        private int headerFilled;
        private long bodyLeft;
        private boolean wantCommandByte;

        void feed(byte[] buf, int n) {
            int i = 0;
            while (i < n) {
                if (bodyLeft == 0 && !wantCommandByte) {
                    header[headerFilled++] = buf[i++];
                    if (headerFilled == 4) {
                        headerFilled = 0;
                        bodyLeft = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
                        wantCommandByte = header[3] == 0 && bodyLeft > 0;
                    }
                    continue;
                }
                if (wantCommandByte) {
                    commands.computeIfAbsent(buf[i] & 0xFF, k -> new AtomicInteger()).incrementAndGet();
                    wantCommandByte = false;
                }
                int take = (int) Math.min(bodyLeft, n - i);
                bodyLeft -= take;
                i += take;
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Closing a proxy leg: nothing to report.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        List<Socket> open = new ArrayList<>(sockets);
        for (Socket s : open) {
            closeQuietly(s);
        }
    }
}
