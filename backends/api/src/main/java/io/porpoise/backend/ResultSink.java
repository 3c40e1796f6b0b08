package io.porpoise.backend;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a statement's outcome goes. Single use: completed exactly once, with {@link #ok},
 * {@link #error}, or {@link #columns} followed by rows and {@link RowWriter#finish()}. A second
 * completion throws {@link IllegalStateException}; a sink never completed becomes an ERR packet
 * for the client, never a hang.
 */
@ProviderType
public interface ResultSink {

    /** The statement changed rows or did something without a result set. */
    void ok(UpdateResult result);

    /** The statement failed. */
    void error(BackendException error);

    /**
     * Starts a result set. The returned writer takes the rows; it must be finished (or the
     * statement fails with an exception, which ends the result set with ERR).
     */
    RowWriter columns(List<Column> columns);

    /** True once the sink has been completed (or a result set started). */
    boolean isCompleted();
}
