/**
 * Protocol compression: the algorithm SPI ({@link io.porpoise.compression.CompressionAlgorithm},
 * {@link io.porpoise.compression.CompressionCodec}), the compressed-packet framing
 * ({@link io.porpoise.compression.CompressedPacketCodec}) and what a server offers and accepts
 * ({@link io.porpoise.compression.CompressionNegotiation}).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_compression.html">Compression</a>
 */
@Export
@Version("0.1.0")
package io.porpoise.compression;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
