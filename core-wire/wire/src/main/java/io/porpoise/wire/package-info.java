/**
 * Payload data types, capability and status flags and the MySQL error table.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_data_types.html">Basic data types</a>
 */
@Export
@Version("0.1.0")
package io.porpoise.wire;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
