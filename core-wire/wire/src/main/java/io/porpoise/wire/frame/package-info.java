/**
 * Packet framing: 4-byte headers, sequence ids, splitting and reassembly of payloads of 16 MiB and more.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html">MySQL packets</a>
 */
@Export
@Version("0.1.0")
package io.porpoise.wire.frame;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
