/**
 * MySQL collations and their Java charsets.
 */
@Export
@Version("0.2.0")
package io.porpoise.charset;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
