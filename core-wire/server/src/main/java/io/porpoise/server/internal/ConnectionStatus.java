package io.porpoise.server.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one connection's transport and traffic look like, for its session status variables.
 * Written by the event loop (bytes, TLS, compression) and read by the session's worker thread,
 * hence the atomics and volatiles. Exists from the first byte, before there is a session.
 */
final class ConnectionStatus {
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong questions = new AtomicLong();
    private volatile String tlsVersion = "";
    private volatile String tlsCipher = "";
    private volatile String compressionAlgorithm = "";
    private volatile int compressionLevel;

    void received(long bytes) {
        bytesReceived.addAndGet(bytes);
    }

    void sent(long bytes) {
        bytesSent.addAndGet(bytes);
    }

    void question() {
        questions.incrementAndGet();
    }

    /** Called once the TLS handshake completed, with the negotiated protocol and cipher suite. */
    void tls(String protocol, String cipherSuite) {
        tlsVersion = protocol;
        tlsCipher = cipherSuite;
    }

    /** Called when protocol compression starts, with MySQL's algorithm name (zlib, zstd) and level. */
    void compression(String algorithm, int level) {
        compressionAlgorithm = algorithm;
        compressionLevel = level;
    }

    long bytesReceived() {
        return bytesReceived.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    long questions() {
        return questions.get();
    }

    boolean isTls() {
        return !tlsVersion.isEmpty();
    }

    String tlsVersion() {
        return tlsVersion;
    }

    String tlsCipher() {
        return tlsCipher;
    }

    boolean isCompressed() {
        return !compressionAlgorithm.isEmpty();
    }

    String compressionAlgorithm() {
        return compressionAlgorithm;
    }

    int compressionLevel() {
        return compressionLevel;
    }
}
