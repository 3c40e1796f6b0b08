/**
 * The backend SPI: what a data source implements to sit behind the MySQL wire. Pure Java: no Netty, no OSGi types.
 */
@Export
@Version("0.2.0")
package io.porpoise.backend;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
