package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every Porpoise module ships its services twice, as JPMS {@code provides} and as
 * {@code META-INF/services} for the class path: the two must agree.
 */
class ServiceDeclarationsTest {

    @Test
    void providesMatchesMetaInfServicesInEveryModule() throws IOException {
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.toString().contains("porpoise"))
                .collect(Collectors.toList());
        int checked = 0;
        for (Path entry : entries) {
            Set<ModuleReference> refs;
            try {
                refs = ModuleFinder.of(entry).findAll();
            } catch (java.lang.module.FindException e) {
                continue;
            }
            for (ModuleReference ref : refs) {
                ModuleDescriptor d = ref.descriptor();
                if (!d.name().startsWith("io.porpoise") || d.isAutomatic()) {
                    continue;
                }
                try (ModuleReader reader = ref.open()) {
                    for (ModuleDescriptor.Provides p : d.provides()) {
                        Optional<InputStream> in = reader.open("META-INF/services/" + p.service());
                        assertTrue(in.isPresent(), d.name() + " provides " + p.service() + " without META-INF/services");
                        Set<String> listed;
                        try (InputStream s = in.get()) {
                            listed = new String(s.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
                        }
                        assertEquals(new TreeSet<>(p.providers()), listed, d.name() + ": " + p.service());
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked >= 8, "service declarations checked: " + checked);
    }
}
