/**
 * The small MySQL lexer query interceptors share: {@link io.porpoise.command.sql.Tokens}
 * (lazy, so the first words of a large statement cost little), {@link
 * io.porpoise.command.sql.SqlLexer}, and {@link io.porpoise.command.sql.DryRun} for the
 * answer-or-just-check shape COM_STMT_PREPARE needs.
 */
@Export
@Version("0.1.0")
package io.porpoise.command.sql;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
