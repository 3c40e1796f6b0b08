/**
 * The embedded default backend: H2 in MySQL mode. MySQL databases are H2 schemas; result
 * metadata, SHOW statements, errors and INFORMATION_SCHEMA are translated to MySQL's shapes.
 * Prepared statements are H2 PreparedStatements with streaming cursors.
 */
module io.porpoise.backend.h2 {
    requires io.porpoise.backend;
    requires io.porpoise.charset;
    requires com.h2database;
    requires java.sql;
    requires static osgi.annotation;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.backend.Backend with io.porpoise.backend.h2.H2Backend;
}
