package io.porpoise.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link Registry} for embedded and JPMS use: services come from {@link ServiceLoader}
 * ({@code provides} in module descriptors, or {@code META-INF/services} on the class path) plus
 * whatever is registered by hand. ServiceLoader instances are created once per type.
 */
public final class ServiceLoaderRegistry implements Registry {
    private final ModuleLayer layer;
    private final ClassLoader loader;
    private final Map<Class<?>, List<Ranked<?>>> services = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<Consumer<?>>> listeners = new ConcurrentHashMap<>();

    private ServiceLoaderRegistry(ModuleLayer layer, ClassLoader loader) {
        this.layer = layer;
        this.loader = loader;
    }

    /**
     * Services visible to {@code anchor}'s module layer (module path) or class loader (class path).
     */
    public static ServiceLoaderRegistry forModuleOf(Class<?> anchor) {
        Module m = anchor.getModule();
        return m.isNamed() && m.getLayer() != null
                ? new ServiceLoaderRegistry(m.getLayer(), null)
                : new ServiceLoaderRegistry(null, anchor.getClassLoader());
    }

    /** A registry with only hand-registered services. */
    public static ServiceLoaderRegistry empty() {
        return new ServiceLoaderRegistry(null, null);
    }

    @Override
    public <T> List<T> services(Class<T> type) {
        List<Ranked<?>> list = services.computeIfAbsent(type, this::load);
        List<Ranked<?>> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt((Ranked<?> r) -> r.ranking).reversed());
        List<T> out = new ArrayList<>(sorted.size());
        for (Ranked<?> r : sorted) {
            out.add(type.cast(r.service));
        }
        return out;
    }

    @Override
    public <T> AutoCloseable register(Class<T> type, T service, int ranking) {
        Ranked<T> entry = new Ranked<>(service, ranking);
        services.computeIfAbsent(type, this::load).add(entry);
        fire(type);
        return () -> {
            services.computeIfAbsent(type, this::load).remove(entry);
            fire(type);
        };
    }

    @Override
    public <T> void onChange(Class<T> type, Consumer<List<T>> onChange) {
        listeners.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(onChange);
    }

    @SuppressWarnings("unchecked")
    private <T> void fire(Class<T> type) {
        List<T> now = services(type);
        for (Consumer<?> c : listeners.getOrDefault(type, List.of())) {
            ((Consumer<List<T>>) c).accept(now);
        }
    }

    private List<Ranked<?>> load(Class<?> type) {
        List<Ranked<?>> list = new CopyOnWriteArrayList<>();
        if (layer == null && loader == null) {
            return list;
        }
        ServiceLoader<?> sl = layer != null ? ServiceLoader.load(layer, type) : ServiceLoader.load(type, loader);
        for (Object s : sl) {
            list.add(new Ranked<>(s, 0));
        }
        return list;
    }

    private static final class Ranked<T> {
        final T service;
        final int ranking;

        Ranked(T service, int ranking) {
            this.service = service;
            this.ranking = ranking;
        }
    }
}
