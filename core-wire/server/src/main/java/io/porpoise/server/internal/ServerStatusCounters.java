package io.porpoise.server.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Server-wide counters behind the global status variables. Thread-safe. */
final class ServerStatusCounters {
    private final long startedNanos = System.nanoTime();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicInteger maxUsedConnections = new AtomicInteger();
    private final AtomicLong abortedConnects = new AtomicLong();
    private final AtomicLong questions = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong tlsAccepts = new AtomicLong();
    private final AtomicLong tlsAttempts = new AtomicLong();

    long uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    /** A connection attempt (Connections counts every one, admitted or not). */
    void connection() {
        connections.incrementAndGet();
    }

    /** A connection was admitted; {@code open} is how many are open now, counting it. */
    void admitted(int open) {
        maxUsedConnections.accumulateAndGet(open, Math::max);
    }

    /** A connection attempt that did not end logged in (bad password, bad handshake, gone). */
    void abortedConnect() {
        abortedConnects.incrementAndGet();
    }

    void question() {
        questions.incrementAndGet();
    }

    void received(long n) {
        bytesReceived.addAndGet(n);
    }

    void sent(long n) {
        bytesSent.addAndGet(n);
    }

    /** An SSLRequest was answered by starting TLS (Ssl_accepts). */
    void tlsAttempt() {
        tlsAttempts.incrementAndGet();
    }

    long tlsAttempts() {
        return tlsAttempts.get();
    }

    /** A TLS handshake completed (Ssl_finished_accepts). */
    void tlsAccepted() {
        tlsAccepts.incrementAndGet();
    }

    long connections() {
        return connections.get();
    }

    int maxUsedConnections() {
        return maxUsedConnections.get();
    }

    long abortedConnects() {
        return abortedConnects.get();
    }

    long questions() {
        return questions.get();
    }

    long bytesReceived() {
        return bytesReceived.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    long tlsAccepts() {
        return tlsAccepts.get();
    }
}
