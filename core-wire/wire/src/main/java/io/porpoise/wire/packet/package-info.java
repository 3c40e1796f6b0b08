/**
 * Packets of the connection and command phases, as immutable values with exact encoders and decoders.
 *
 */
@Export
@Version("0.1.0")
package io.porpoise.wire.packet;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
