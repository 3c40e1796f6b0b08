/**
 * The Felix distribution's glue: the server as a Declarative Services component configured
 * through ConfigAdmin ({@code conf/io.porpoise.server.cfg}), and the {@link
 * io.porpoise.server.Registry} backed by the OSGi service registry. Only meaningful inside an
 * OSGi framework; embedded users use {@link io.porpoise.server.ServiceLoaderRegistry}.
 */
module io.porpoise.osgi {
    requires io.porpoise.server;
    requires osgi.core;
    requires static osgi.annotation;
    requires static org.osgi.service.component.annotations;

    exports io.porpoise.osgi;
}
