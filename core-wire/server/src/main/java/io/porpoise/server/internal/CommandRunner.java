package io.porpoise.server.internal;

import io.netty.channel.Channel;
import io.porpoise.backend.Backend;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.ClientGoneException;
import io.porpoise.backend.SessionInfo;
import io.porpoise.backend.UpdateResult;
import io.porpoise.charset.Collations;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionVariables;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.ServerErrors;
import io.porpoise.wire.frame.Packet;
import io.porpoise.wire.packet.HandshakeResponse41;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

/**
 * Runs one logged-in connection's commands on its worker thread: opens the backend session,
 * then for each command packet looks the handler up, decodes, executes, and makes sure exactly
 * one answer goes out. Uses the handler and interceptor sets current at login, so a plugin
 * that comes or goes later does not change a connection in flight.
 */
final class CommandRunner {
    private static final System.Logger LOG = System.getLogger(CommandRunner.class.getName());

    private final ServerRuntime server;
    private final ConnectionHandler connection;
    private final Channel channel;
    private volatile Login login;
    private final Object writability;
    private final Map<Integer, CommandHandler<?>> handlers;
    private final List<QueryInterceptor> interceptors;
    private volatile Session session;
    private volatile String command = "Sleep";
    private volatile String info;
    private volatile long since = System.nanoTime();

    CommandRunner(ServerRuntime server, ConnectionHandler connection, Channel channel, Login login, Object writability,
            Map<Integer, CommandHandler<?>> handlers, List<QueryInterceptor> interceptors) {
        this.server = server;
        this.connection = connection;
        this.channel = channel;
        this.login = login;
        this.writability = writability;
        this.handlers = handlers;
        this.interceptors = interceptors;
    }

    /** Opens the backend session and answers the login with OK (or ERR and close). */
    void completeLogin(int seq) {
        HandshakeResponse41 r = login.response();
        SessionVariables vars = server.variables().newSession();
        Outbound out = new Outbound(channel, writability, seq);
        // As MySQL's thd_init_client_charset: any known id but the refused ones (ClientCharsets), binary too.
        Collations.byId(r.characterSet()).ifPresent(c -> {
            vars.internalSet("character_set_client", c.charsetName());
            vars.internalSet("character_set_connection", c.charsetName());
            vars.internalSet("character_set_results", c.charsetName());
            vars.internalSet("collation_connection", c.name());
        });
        vars.internalSet("pseudo_thread_id", connection.connectionId());
        try {
            if (r.database() != null && !r.database().equalsIgnoreCase("information_schema")
                    && !server.accountAdmin().privileges(login.matchedAccount().user(), login.matchedAccount().host()).hasAnyOn(r.database())) {
                // As MySQL: a login naming a database the account has no privilege on fails (and closes).
                throw AccountAdmin.error("ER_DBACCESS_DENIED_ERROR", login.matchedAccount().user(), login.matchedAccount().host(),
                        r.database());
            }
            BackendSession bs = RoutedSession.open(server.backends(), new SessionInfo(connection.connectionId(), r.username(), login.clientHost(),
                    r.database(), r.connectAttributes()));
            session = new Session(connection.connectionId(), r.username(), login.clientHost(), login.matchedAccount(),
                    ServerCapabilities.SERVER.intersect(r.capabilities()), bs, server.variables(), vars, server.serverVersion(), server,
                    server.preparedStatementCount(), new StatusSnapshot(server, connection.status()), server.accountAdmin());
            if (!channel.isActive()) {
                close();
                return;
            }
            session.noteSchema();
            CommandResponse ok = new CommandResponse(session, out, interceptors);
            ok.ok(UpdateResult.EMPTY);
            // Compression starts with the packet after this OK, which itself goes uncompressed.
            out.flush(connection::startCompression);
        } catch (BackendException e) {
            CommandResponse err = new CommandResponse(null, out, interceptors);
            err.error(e);
            out.flush();
            channel.close();
        } catch (ClientGoneException e) {
            out.discard();
            close();
        } catch (RuntimeException | Error e) {
            // A failing backend must not leave the client waiting for its login OK.
            LOG.log(Level.WARNING, "connection " + connection.connectionId() + ": opening the backend session failed", e);
            out.discard();
            io.porpoise.wire.ServerError err = ServerErrors.of("ER_UNKNOWN_ERROR");
            CommandResponse response = new CommandResponse(null, out, interceptors);
            response.writeError(err.code(), err.sqlState(), e.getClass().getSimpleName() + ": " + e.getMessage());
            out.flush();
            channel.close();
            close();
        }
    }

    void run(Packet packet) {
        try {
            if (session == null || !channel.isActive()) {
                return;
            }
            execute(packet);
        } finally {
            packet.release();
        }
    }

    private void execute(Packet packet) {
        server.statusCounters().question();
        connection.status().question();
        Outbound out = new Outbound(channel, writability, packet.lastSequenceId() + 1);
        CommandResponse response = new CommandResponse(session, out, interceptors);
        Throwable failure = null;
        try {
            PayloadReader reader = new PayloadReader(packet.payload());
            int command = reader.readInt1();
            CommandHandler<?> handler = handlers.get(command);
            if (handler == null) {
                response.error(ServerErrors.of("ER_UNKNOWN_COM_ERROR"));
            } else {
                dispatch(handler, reader, response);
            }
        } catch (MalformedPacketException e) {
            LOG.log(Level.DEBUG, "connection " + session.connectionId() + ": " + e.getMessage());
            response.error(ServerErrors.of("ER_MALFORMED_PACKET"));
        } catch (ClientGoneException e) {
            out.discard();
            return;
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "connection " + session.connectionId() + ": command failed", e);
            failure = e;
        }
        try {
            response.finish(failure);
        } catch (ClientGoneException e) {
            out.discard();
            return;
        }
        if (response.closeRequested()) {
            channel.close();
        } else if (response.changeUserRequest() != null) {
            connection.changeUser(packet.lastSequenceId() + 1, changeUserResponse(response.changeUserRequest()));
        }
    }

    /** COM_CHANGE_USER as the handshake response it stands for: the new identity with this connection's capabilities. */
    private HandshakeResponse41 changeUserResponse(io.porpoise.command.ChangeUserRequest c) {
        HandshakeResponse41 first = login.response();
        return new HandshakeResponse41(first.capabilities(), first.maxPacketSize(),
                c.characterSet() > 0 ? c.characterSet() : first.characterSet(), c.user(), c.authResponse(), c.database(),
                c.authPluginName(), c.connectAttributes(), first.zstdCompressionLevel());
    }

    /**
     * COM_CHANGE_USER succeeded: the old session goes (its transaction rolled back and temporary
     * state dropped with the backend session, its statements closed), and a fresh one opens for
     * the new account exactly as after a login, answered with OK.
     */
    void completeChangeUser(int seq, Login newLogin) {
        close();
        login = newLogin;
        completeLogin(seq);
    }

    private <R> void dispatch(CommandHandler<R> handler, PayloadReader reader, CommandResponse response) {
        R request = handler.decode(reader, response.session());
        info = handler.describe(request);
        command = commandName(handler.name());
        since = System.nanoTime();
        try {
            handler.execute(request, response);
        } finally {
            command = "Sleep";
            info = null;
            since = System.nanoTime();
            session.noteSchema();
        }
    }

    /** COM_QUERY shows as Query, COM_INIT_DB as Init DB, as in MySQL's processlist. */
    private static String commandName(String name) {
        String n = name.startsWith("COM_") ? name.substring(4) : name;
        StringBuilder sb = new StringBuilder();
        for (String part : n.toLowerCase(java.util.Locale.ROOT).split("_")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** This connection as SHOW PROCESSLIST shows it; null before login completed. */
    io.porpoise.command.ProcessList.Process process() {
        Session s = session;
        if (s == null) {
            return null;
        }
        long seconds = (System.nanoTime() - since) / 1_000_000_000L;
        return new io.porpoise.command.ProcessList.Process(s.connectionId(), s.user(), s.host(), s.schemaForOthers(), command,
                seconds, command.equals("Sleep") ? "" : "executing", io.porpoise.command.SecretText.redact(info));
    }

    /** KILL [QUERY]: interrupts the running statement (from another thread). */
    void cancel() {
        Session s = session;
        if (s != null) {
            s.backend().cancel();
        }
    }

    /** The connection is gone: release the backend session. Runs after any running command. */
    void close() {
        Session s = session;
        session = null;
        if (s != null) {
            try {
                s.statements().closeAll();
                s.backend().close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "connection " + connection.connectionId() + ": backend session close failed", e);
            }
        }
    }

}
