/**
 * The small MySQL lexer query interceptors share: {@link io.porpoise.command.sql.Tokens}
 * (lazy, so the first words of a large statement cost little), {@link
 * io.porpoise.command.sql.SqlLexer}, and {@link io.porpoise.command.sql.StatementInterceptor},
 * the answer-or-just-check shape every interceptor has (COM_STMT_PREPARE asks in a dry run).
 */
@Export
@Version("0.1.0")
package io.porpoise.command.sql;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
