package io.porpoise.osgi;

import io.porpoise.server.Registry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The {@link Registry} over the OSGi service registry: one {@link ServiceTracker} per
 * service type, opened on first use. Order is OSGi's: highest {@code service.ranking} first,
 * then the oldest service. Listeners hear of every service that comes, changes or goes, after
 * the tracker has taken it into account.
 */
public final class OsgiRegistry implements Registry, AutoCloseable {
    private final BundleContext context;
    private final Map<Class<?>, ServiceTracker<?, ?>> trackers = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<Consumer<?>>> listeners = new ConcurrentHashMap<>();

    public OsgiRegistry(BundleContext context) {
        this.context = context;
    }

    @Override
    public <T> List<T> services(Class<T> type) {
        return services(type, null, null);
    }

    /** The services now, plus {@code adding} (whose tracker entry is not in place yet). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> List<T> services(Class<T> type, ServiceReference<?> adding, Object addingService) {
        ServiceTracker tracker = tracker(type);
        ServiceReference<?>[] refs = tracker.getServiceReferences();
        List<ServiceReference<?>> sorted = new ArrayList<>(refs == null ? List.of() : Arrays.asList(refs));
        if (adding != null && !sorted.contains(adding)) {
            sorted.add(adding);
        }
        Collections.sort(sorted, Collections.reverseOrder());
        List<T> out = new ArrayList<>(sorted.size());
        for (ServiceReference<?> r : sorted) {
            Object s = r.equals(adding) ? addingService : tracker.getService(r);
            if (s != null) {
                out.add(type.cast(s));
            }
        }
        return out;
    }

    @Override
    public <T> AutoCloseable register(Class<T> type, T service, int ranking) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, ranking);
        ServiceRegistration<T> reg = context.registerService(type, service, props);
        return reg::unregister;
    }

    @Override
    public <T> void onChange(Class<T> type, Consumer<List<T>> onChange) {
        listeners.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(onChange);
        tracker(type);
    }

    private ServiceTracker<?, ?> tracker(Class<?> type) {
        return trackers.computeIfAbsent(type, this::open);
    }

    private <T> ServiceTracker<T, T> open(Class<T> type) {
        ServiceTracker<T, T> t = new ServiceTracker<>(context, type, null) {
            @Override
            public T addingService(ServiceReference<T> reference) {
                T service = super.addingService(reference);
                if (service != null) {
                    fire(type, reference, service);
                }
                return service;
            }

            @Override
            public void modifiedService(ServiceReference<T> reference, T service) {
                fire(type, null, null);
            }

            @Override
            public void removedService(ServiceReference<T> reference, T service) {
                super.removedService(reference, service);
                fire(type, null, null);
            }
        };
        t.open();
        return t;
    }

    @SuppressWarnings("unchecked")
    private <T> void fire(Class<T> type, ServiceReference<?> adding, Object service) {
        List<Consumer<?>> ls = listeners.get(type);
        if (ls == null || ls.isEmpty() || !trackers.containsKey(type)) {
            return;
        }
        List<T> now = services(type, adding, service);
        for (Consumer<?> c : ls) {
            ((Consumer<List<T>>) c).accept(now);
        }
    }

    /** Stops tracking; the services taken are given back. */
    @Override
    public void close() {
        trackers.values().forEach(ServiceTracker::close);
        trackers.clear();
    }
}
