package io.porpoise.server.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor for blocking backend work: virtual threads on Java 21+ (found reflectively, the
 * code is compiled for 17), a bounded pool of platform threads otherwise.
 */
final class Workers {
    private Workers() {
    }

    static ExecutorService create(int platformThreads) {
        try {
            Method m = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) m.invoke(null);
        } catch (ReflectiveOperationException e) {
            AtomicInteger n = new AtomicInteger();
            ThreadFactory f = r -> {
                Thread t = new Thread(r, "porpoise-worker-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            ThreadPoolExecutor pool = new ThreadPoolExecutor(platformThreads, platformThreads, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), f);
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
