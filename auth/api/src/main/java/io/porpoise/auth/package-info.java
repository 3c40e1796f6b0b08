/**
 * Authentication SPI: auth plugins as non-blocking step machines, the account model and the account store.
 */
@Export
@Version("0.2.0")
package io.porpoise.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
