/**
 * An example backend: the read-only database {@code sample} with one in-memory table,
 * {@code porpoises}. Shows the whole backend SPI a custom data source needs.
 */
module io.porpoise.backend.sample {
    requires io.porpoise.backend;
    requires static osgi.annotation;
    requires static org.osgi.service.component.annotations;

    exports io.porpoise.backend.sample;

    provides io.porpoise.backend.Backend with io.porpoise.backend.sample.SampleBackend;
}
