/**
 * Test kit: {@link io.porpoise.testkit.BackendTck}, the contract every backend passes, and
 * {@link io.porpoise.testkit.RecordingResultSink}, a sink that records what a backend answered.
 */
@Export
@Version("0.1.0")
package io.porpoise.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
