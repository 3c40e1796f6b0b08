package io.porpoise.command;

import java.util.SortedMap;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's status variables ({@code SHOW [GLOBAL|SESSION] STATUS}), read at the moment of
 * the call. Names are spelled as MySQL spells them and sorted case-insensitively; values are
 * shown as MySQL shows them (numbers in decimal, {@code ON}/{@code OFF}, empty strings).
 */
@ProviderType
public interface StatusVariables {

    /**
     * {@code SHOW [SESSION] STATUS}: this session's own counters and transport facts
     * ({@code Bytes_received}, {@code Ssl_cipher}, {@code Compression}, ...) plus the
     * global-only variables, which MySQL also lists in session scope.
     */
    SortedMap<String, String> session();

    /** {@code SHOW GLOBAL STATUS}: server-wide values. */
    SortedMap<String, String> global();
}
