/**
 * Start a MySQL-protocol server in front of your own data.
 *
 * <p>The whole of embedding, with a custom backend that serves one computed table (this
 * example is compiled and run by {@code EmbeddingExampleTest}):
 *
 * <pre>{@code
 * final class GreetingBackend implements Backend {
 *     public String name() {
 *         return "greetings";
 *     }
 *
 *     public BackendSession openSession(SessionInfo info) {
 *         return (sql, sink) -> {
 *             if (!sql.trim().equalsIgnoreCase("select * from greetings")) {
 *                 throw new BackendException(1146, "42S02", "Table 'greetings' doesn't exist");
 *             }
 *             RowWriter rows = sink.columns(List.of(
 *                     Column.of("id", ColumnType.LONGLONG),
 *                     Column.of("text", ColumnType.VAR_STRING)));
 *             rows.row(1L, "hello");
 *             rows.row(2L, "world");
 *             rows.finish();
 *         };
 *     }
 * }
 *
 * try (PorpoiseServer server = PorpoiseServer.builder()
 *         .port(0)                                   // any free port
 *         .dataDirectory(Path.of("data"))            // accounts, keys
 *         .backend(new GreetingBackend())
 *         .registry(ServiceLoaderRegistry.forModuleOf(PorpoiseServer.class)) // plugins
 *         .start()) {
 *     // mysql -h127.0.0.1 -P<server.port()> -uroot -e 'select * from greetings'
 *     server.awaitTermination();
 * }
 * }</pre>
 */
@Export
@Version("0.2.0")
package io.porpoise.server;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
