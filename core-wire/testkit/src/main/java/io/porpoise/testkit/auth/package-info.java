/**
 * Test kit for authentication plugins: {@link io.porpoise.testkit.auth.FakeAuthExchange}, an
 * exchange as the server presents it, with the transport facts a test chooses.
 */
@Export
@Version("0.1.0")
package io.porpoise.testkit.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
