package io.porpoise.command;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.UpdateResult;
import io.porpoise.wire.ServerError;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a command runs against: the session and the single response it owes the client.
 * Exactly one of the answering methods completes a command; a command that ends without an
 * answer (and without {@link #noResponse()}) is answered with ER_UNKNOWN_ERROR by the server.
 */
@ProviderType
public interface CommandContext {

    SessionContext session();

    /**
     * A sink for a statement's outcome: OK, ERR or a result set, written with the connection's
     * capabilities (EOF or OK terminators), charsets and status flags.
     */
    ResultSink resultSink();

    /** Like {@link #resultSink()}, with rows in the binary protocol (COM_STMT_EXECUTE). */
    ResultSink binaryResultSink();

    /** Raw packets for a command's own response format; using it answers the command. */
    PacketWriter packets();

    /** OK with no affected rows. */
    default void ok() {
        ok(UpdateResult.EMPTY);
    }

    void ok(UpdateResult result);

    /** ERR from MySQL's error table. */
    void error(ServerError error, Object... args);

    /** ERR from a backend error. */
    void error(BackendException error);

    /** The command deliberately has no response (COM_QUIT, COM_STMT_CLOSE, ...). */
    void noResponse();

    /** Close the connection once the response (if any) is written. */
    void closeConnection();

    /** The query interceptors in ranking order, for COM_QUERY. */
    List<QueryInterceptor> queryInterceptors();

    /**
     * COM_CHANGE_USER: hands the connection to the server's authentication exchange, which
     * answers the command itself (AuthSwitchRequest or AuthMoreData as the plugin needs, then OK,
     * or ERR and the connection closed, as MySQL does). On success the session is replaced: the
     * transaction is rolled back, prepared statements closed, variables reset, and the requested
     * database (if any) used. The handler must not answer otherwise.
     *
     * @throws UnsupportedOperationException from a context that cannot re-authenticate (a
     *     statement being emulated, an embedder's own context)
     */
    default void changeUser(ChangeUserRequest request) {
        throw new UnsupportedOperationException("changeUser: not supported by " + getClass().getName());
    }

    /** One statement of a multi-statement COM_QUERY, answered through its own context. */
    @FunctionalInterface
    interface BatchStatement {
        void run(CommandContext statement) throws BackendException;
    }

    /**
     * Multi-statements (CLIENT_MULTI_STATEMENTS): runs one statement of the batch against a
     * context of its own, whose single answer (OK, ERR or a result set) follows the previous
     * statement's in this command's response. With {@code moreResults} the status flags of that
     * answer carry SERVER_MORE_RESULTS_EXISTS, telling the client another result follows. A
     * {@link BackendException}, a runtime failure or a missing answer becomes the statement's ERR.
     * Once a statement ran this way the command is answered by the batch.
     *
     * @return true if the statement succeeded, false if it was answered with ERR (MySQL stops
     *     the batch there: an ERR ends the response)
     * @throws UnsupportedOperationException from a context that cannot answer more than once
     */
    default boolean runStatement(boolean moreResults, BatchStatement statement) {
        throw new UnsupportedOperationException("runStatement: not supported by " + getClass().getName());
    }
}
