package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.Backend;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** META-INF/services (classpath users) names the same provider as module-info's provides. */
final class ServiceDeclarationTest {
    @Test
    void servicesFileMatchesProvides() throws Exception {
        String file;
        try (InputStream in = H2Backend.class.getClassLoader().getResourceAsStream("META-INF/services/io.porpoise.backend.Backend")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        assertEquals(H2Backend.class.getName(), file);
        Module m = H2Backend.class.getModule();
        if (m.isNamed()) {
            boolean found = false;
            for (ModuleDescriptor.Provides p : m.getDescriptor().provides()) {
                if (p.service().equals(Backend.class.getName())) {
                    assertEquals(List.of(file), p.providers());
                    found = true;
                }
            }
            assertTrue(found, "module-info provides " + Backend.class.getName());
        }
        assertEquals("h2", new H2Backend().name());
    }
}
