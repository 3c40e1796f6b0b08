/**
 * Hand-written stand-ins for what the server gives a command handler. They record what the
 * handler did as readable lines in one ordered list ({@link
 * io.porpoise.command.testkit.RecordingCommandContext#events}), so a test asserts the whole answer,
 * and its order, with one {@code assertEquals}. Their state is in public fields on purpose: a test
 * sets what the handler will see (the backend, the client charset, a statement) and reads what it
 * left behind directly. Whatever a handler is not expected to touch throws
 * {@link java.lang.UnsupportedOperationException}.
 */
@Export
@Version("0.1.0")
package io.porpoise.command.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
