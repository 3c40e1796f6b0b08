/**
 * Command SPI: one CommandHandler per COM_ command byte, the CommandContext it runs against, query interceptors and system variables.
 */
@Export
@Version("0.2.0")
package io.porpoise.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
