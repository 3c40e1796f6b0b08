/**
 * The binary protocol of prepared statements: values by MySQL type code, binary result rows
 * ({@link io.porpoise.wire.binary.BinaryRow}) and the parameter section of COM_STMT_EXECUTE
 * ({@link io.porpoise.wire.binary.BinaryParameters}). Type codes are plain ints
 * ({@link io.porpoise.wire.binary.BinaryTypes}) so the wire layer does not depend on the
 * backend SPI's enum.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html">Binary Protocol Resultset</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_execute.html">COM_STMT_EXECUTE</a>
 */
@Export
@Version("0.1.0")
package io.porpoise.wire.binary;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
