package io.porpoise.command;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The server's live connections, for SHOW PROCESSLIST and KILL. Thread-safe. */
@ProviderType
public interface ProcessList {

    /** One connection as SHOW PROCESSLIST shows it. */
    record Process(long id, String user, String host, String db, String command, long timeSeconds, String state, String info) {
    }

    /** Server counters as COM_STATISTICS reports them. */
    record Statistics(long uptimeSeconds, int threads, long questions) {
    }

    List<Process> processes();

    Statistics statistics();

    /**
     * {@code KILL QUERY id} ({@code queryOnly}) interrupts the statement running on connection
     * {@code id}; {@code KILL id} also closes the connection.
     *
     * @return false when there is no such connection
     */
    boolean kill(long id, boolean queryOnly);
}
