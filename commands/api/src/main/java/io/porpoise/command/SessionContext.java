package io.porpoise.command;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.charset.Collation;
import io.porpoise.wire.Capabilities;
import java.nio.charset.Charset;
import org.osgi.annotation.versioning.ProviderType;

/** A connection's session as commands and interceptors see it. */
@ProviderType
public interface SessionContext {

    /** Server-wide unique, never reused while the server runs. */
    long connectionId();

    /** The authenticated user. */
    String user();

    /** The client host as matched ({@code localhost} for loopback). */
    String host();

    /** The account the login matched, as {@code user@host} pattern (CURRENT_USER()). */
    String accountName();

    /** Capabilities both sides agreed on. */
    Capabilities capabilities();

    BackendSession backend();

    SystemVariables globalVariables();

    SessionVariables variables();

    /** Charset of {@code character_set_client}: how query text is decoded. */
    Charset clientCharset();

    /**
     * The collation result text is sent in, or null for {@code character_set_results = NULL};
     * the {@code binary} collation (63) when results are binary: values unconverted, text columns
     * labelled binary.
     */
    Collation resultsCollation();

    /** The current database (DATABASE()), or null. */
    default String currentSchema() {
        return backend().currentSchema();
    }

    /** Switches database through the backend (USE, COM_INIT_DB). */
    void useSchema(String schema) throws BackendException;

    /** User-defined variables ({@code @name}); names are case-insensitive, stored lower-case. */
    java.util.Map<String, Object> userVariables();

    /** Warnings of the previous statement (SHOW WARNINGS, @@warning_count). */
    int lastWarningCount();

    /** This session's prepared statements. */
    StatementStore statements();

    /** The status flags a response would carry now (AUTOCOMMIT, IN_TRANS). */
    io.porpoise.wire.ServerStatus status();

    /** The server's connections (SHOW PROCESSLIST, KILL). */
    ProcessList processList();

    /** Status variables as this session sees them (SHOW STATUS). */
    StatusVariables statusVariables();

    /** The server version string (VERSION()). */
    String serverVersion();

    /** The user part of the account the login matched ({@code ''} for the anonymous user). */
    default String accountUser() {
        String name = accountName();
        return name.substring(0, name.lastIndexOf('@'));
    }

    /** The host part of the account the login matched (a pattern such as {@code %}). */
    default String accountHost() {
        String name = accountName();
        return name.substring(name.lastIndexOf('@') + 1);
    }

    /** The server's account management; empty when the server has none (all access allowed). */
    default java.util.Optional<AccountManager> accounts() {
        return java.util.Optional.empty();
    }

    /**
     * Whether COM_QUERY may carry several statements: CLIENT_MULTI_STATEMENTS as agreed at login,
     * until COM_SET_OPTION switches it.
     */
    default boolean multiStatements() {
        return capabilities().has(io.porpoise.wire.CapabilityFlag.CLIENT_MULTI_STATEMENTS);
    }

    /**
     * COM_SET_OPTION: switches multi-statements on or off for the rest of the session.
     *
     * @throws UnsupportedOperationException from a session that cannot switch it
     */
    default void multiStatements(boolean on) {
        throw new UnsupportedOperationException("multiStatements: not supported by " + getClass().getName());
    }
}
