package io.porpoise.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.porpoise.auth.Scramble;
import io.porpoise.charset.Collations;
import io.porpoise.compression.CompressedPacketCodec;
import io.porpoise.compression.CompressionCodec;
import io.porpoise.compression.CompressionNegotiation;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.ServerErrors;
import io.porpoise.wire.ServerStatus;
import io.porpoise.wire.frame.FrameException;
import io.porpoise.wire.frame.Packet;
import io.porpoise.wire.frame.PacketFrameDecoder;
import io.porpoise.wire.frame.PacketOutput;
import io.porpoise.wire.packet.AuthMoreData;
import io.porpoise.wire.packet.AuthSwitchRequest;
import io.porpoise.wire.packet.ErrPacket;
import io.porpoise.wire.packet.HandshakeResponse41;
import io.porpoise.wire.packet.HandshakeV10;
import io.porpoise.wire.packet.SslRequest;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The connection state machine: HANDSHAKE → AUTH → COMMAND → CLOSED. The handshake and the
 * authentication exchange run on the event loop; once logged in, every command goes to the
 * connection's {@link SerialExecutor} (blocking backend work never runs on the event loop).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_lifecycle.html">Connection lifecycle</a>
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(ConnectionHandler.class.getName());

    enum State { HANDSHAKE, AUTH, COMMAND, CLOSED }

    private final ServerRuntime server;
    private final long connectionId;
    private final PacketFrameDecoder decoder;
    private final SerialExecutor executor;
    private final ConnectionStatus status;
    private final Object writability = new Object();
    private volatile State state = State.HANDSHAKE;
    private boolean loggedIn;
    private Channel channel;
    private Login login;
    private SslHandler tls;
    /** The scramble of the initial handshake: clients compute COM_CHANGE_USER's first auth response with it. */
    private byte[] handshakeScramble;
    /** Whether the AUTH state is a COM_CHANGE_USER's re-authentication (the session exists). */
    private boolean changingUser;
    private volatile CommandRunner commands;
    private CompressionNegotiation compression;
    private volatile CompressionNegotiation.Choice compressionChoice;

    ConnectionHandler(ServerRuntime server, long connectionId, PacketFrameDecoder decoder, ConnectionStatus status) {
        this.server = server;
        this.status = status;
        this.connectionId = connectionId;
        this.decoder = decoder;
        this.executor = new SerialExecutor(server.workers());
    }

    long connectionId() {
        return connectionId;
    }

    /** This connection's transport and traffic facts (status variables). */
    ConnectionStatus status() {
        return status;
    }

    State state() {
        return state;
    }

    CommandRunner commands() {
        return commands;
    }

    void closeChannel() {
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        if (!server.admit(this)) {
            writeAndClose(0, ErrPacket.of(ServerErrors.of("ER_CON_COUNT_ERROR")));
            return;
        }
        byte[] scramble = Scramble.generate(server.random());
        handshakeScramble = scramble;
        login = new Login(server, HostNames.of(channel.remoteAddress()), scramble);
        compression = server.compression();
        HandshakeV10 hello = new HandshakeV10(server.serverVersion(), connectionId, scramble,
                compression.advertise(ServerCapabilities.advertised(server.tls().isPresent())),
                Collations.DEFAULT_ID, ServerStatus.AUTOCOMMIT, server.defaultAuthPlugin());
        write(0, hello::encode);
        decoder.expectSequenceId(1);
        // One packet per read until the handshake response: TLS bytes may follow an SSLRequest.
        decoder.setSingleDecode(true);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Packet packet = (Packet) msg;
        boolean handedOff = false;
        try {
            switch (state) {
                case HANDSHAKE:
                    onHandshakeResponse(packet);
                    break;
                case AUTH:
                    next(packet.lastSequenceId() + 1, login.onClientData(new PayloadReader(packet.payload()).readRestOfPacketBytes()));
                    break;
                case COMMAND:
                    handedOff = true;
                    executor.execute(() -> commands.run(packet));
                    break;
                default:
                    break;
            }
        } catch (MalformedPacketException e) {
            LOG.log(Level.DEBUG, "connection " + connectionId + ": bad handshake: " + e.getMessage());
            writeAndClose(packet.lastSequenceId() + 1, ErrPacket.of(ServerErrors.of("ER_HANDSHAKE_ERROR")));
        } finally {
            if (!handedOff) {
                packet.release();
            }
        }
    }

    private void onHandshakeResponse(Packet packet) {
        ByteBuf payload = packet.payload();
        int length = payload.readableBytes();
        PayloadReader reader = new PayloadReader(payload);
        SslRequest head = SslRequest.decode(reader);
        if (head.isSslRequest(length)) {
            if (server.tls().isEmpty() || tls != null) {
                // CLIENT_SSL was not advertised, or TLS is already on: a client asking anyway is refused.
                throw new MalformedPacketException("SSLRequest: " + (tls != null ? "TLS already started" : "TLS is not enabled"));
            }
            decoder.expectSequenceId(packet.lastSequenceId() + 1);
            tls = TlsUpgrade.start(channel, ByteCounter.NAME, decoder, server.tls().get(), status, server.statusCounters());
            return;
        }
        decoder.setSingleDecode(false);
        if (tls != null) {
            login.secureTransport(TlsUpgrade.hasClientCertificate(tls));
        }
        ErrPacket refusal = ClientCharsets.refusal(head.characterSet());
        if (refusal != null) {
            writeAndClose(packet.lastSequenceId() + 1, refusal);
            return;
        }
        // binary (63) means bytes: user and database names are then UTF-8, as MySQL copies them into utf8.
        Charset text = Collations.byId(head.characterSet()).filter(c -> !c.isBinary()).flatMap(c -> c.javaCharset()).orElse(StandardCharsets.UTF_8);
        HandshakeResponse41 response = HandshakeResponse41.decodeBody(head, reader, text);
        CompressionNegotiation.Choice choice = compression.choose(response);
        if (choice.isRefused()) {
            LOG.log(Level.INFO, "connection " + connectionId + ": compression refused: " + choice.error().format(choice.errorArgument()));
            writeAndClose(packet.lastSequenceId() + 1, ErrPacket.of(choice.error(), choice.errorArgument()));
            return;
        }
        compressionChoice = choice;
        state = State.AUTH;
        next(packet.lastSequenceId() + 1, login.start(response));
    }

    /**
     * COM_CHANGE_USER (from the worker thread, after the command handler handed it over): runs a
     * new authentication exchange on the event loop, exactly like the first one (auth switch,
     * throttling, ERR and close on failure).
     */
    void changeUser(int seq, HandshakeResponse41 response) {
        channel.eventLoop().execute(() -> {
            if (state != State.COMMAND) {
                return;
            }
            login = new Login(server, login.client(), handshakeScramble);
            if (tls != null) {
                // The connection is still encrypted: the new exchange may use it (clear password
                // over TLS, REQUIRE SSL/X509 accounts) just as the first one did.
                login.secureTransport(TlsUpgrade.hasClientCertificate(tls));
            }
            changingUser = true;
            state = State.AUTH;
            next(seq, login.start(response));
        });
    }

    /** Holds a finished login's answer while the login throttle delays it (scheduled, never blocking the event loop). */
    private void next(int seq, Login.Next next) {
        if (next instanceof Login.Succeed || next instanceof Login.Fail) {
            long delay = server.loginThrottle().attemptFinished(login.client().name(), next instanceof Login.Fail);
            if (delay > 0) {
                // Held: anything the client sends meanwhile is dropped, so it cannot drive the exchange past the delay.
                state = State.CLOSED;
                channel.eventLoop().schedule(() -> proceed(seq, next), delay, java.util.concurrent.TimeUnit.MILLISECONDS);
                return;
            }
        }
        proceed(seq, next);
    }

    private void proceed(int seq, Login.Next next) {
        if (!channel.isActive()) {
            return;
        }
        if (next instanceof Login.Send) {
            write(seq, b -> new AuthMoreData(((Login.Send) next).data()).encode(b));
            decoder.expectSequenceId(seq + 1);
        } else if (next instanceof Login.Switch) {
            Login.Switch s = (Login.Switch) next;
            write(seq, b -> new AuthSwitchRequest(s.plugin(), s.data()).encode(b));
            decoder.expectSequenceId(seq + 1);
        } else if (next instanceof Login.Succeed) {
            byte[] more = ((Login.Succeed) next).moreData();
            int okSeq = seq;
            if (more != null) {
                write(seq, b -> new AuthMoreData(more).encode(b));
                okSeq = seq + 1;
            }
            state = State.COMMAND;
            loggedIn = true;
            decoder.commandPhase();
            int finalSeq = okSeq;
            Login done = login;
            if (changingUser) {
                changingUser = false;
                executor.execute(() -> commands.completeChangeUser(finalSeq, done));
                return;
            }
            executor.execute(() -> {
                commands = server.openSession(this, channel, login, writability);
                commands.completeLogin(finalSeq);
            });
        } else {
            Login.Fail f = (Login.Fail) next;
            LOG.log(Level.INFO, "connection " + connectionId + ": login failed for '" + login.user() + "'@'" + login.clientHost()
                    + "': " + f.logReason());
            writeAndClose(seq, f.error());
        }
    }

    /**
     * Puts the compressed-packet layer in front of the packet framing when the client chose an
     * algorithm. Runs on the event loop in the same task that wrote the login OK, so the OK went
     * out uncompressed and everything after it, both ways, is compressed.
     */
    void startCompression() {
        CompressionNegotiation.Choice c = compressionChoice;
        if (c == null || !c.isCompressed() || !channel.isActive()) {
            return;
        }
        CompressionCodec codec = c.algorithm().newCodec(c.level());
        try {
            channel.pipeline().addBefore("frames", "compression", new CompressedPacketCodec(codec, decoder.maxAllowedPacket()));
            decoder.compressed();
        } catch (RuntimeException e) {
            codec.close();
            throw e;
        }
        status.compression(c.algorithm().name(), c.level());
    }

    private void write(int seq, Consumer<ByteBuf> encoder) {
        PacketOutput out = new PacketOutput(channel.alloc(), seq);
        try {
            encoder.accept(out.begin());
            out.end();
        } catch (RuntimeException e) {
            out.discard();
            throw e;
        }
        channel.writeAndFlush(out.take(), channel.voidPromise());
    }

    void writeAndClose(int seq, ErrPacket err) {
        state = State.CLOSED;
        PacketOutput out = new PacketOutput(channel.alloc(), seq);
        err.encode(out.begin());
        out.end();
        channel.writeAndFlush(out.take()).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        synchronized (writability) {
            writability.notifyAll();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSED;
        if (!loggedIn) {
            server.statusCounters().abortedConnect();
        }
        synchronized (writability) {
            writability.notifyAll();
        }
        server.release(this);
        executor.execute(() -> {
            CommandRunner c = commands;
            if (c != null) {
                c.close();
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof FrameException) {
            FrameException fe = (FrameException) c;
            LOG.log(Level.DEBUG, "connection " + connectionId + ": " + fe.getMessage());
            writeAndClose(fe.nextSequenceId(), ErrPacket.of(fe.error()));
        } else if (c instanceof IOException) {
            LOG.log(Level.DEBUG, "connection " + connectionId + ": " + c.getMessage());
            ctx.close();
        } else {
            LOG.log(Level.WARNING, "connection " + connectionId + ": unexpected error, closing", c);
            ctx.close();
        }
    }
}
