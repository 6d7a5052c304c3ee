package org.exotrace.monitoring.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.exotrace.platform.control.DatabaseConfig;
import org.exotrace.platform.control.SchemaReady;

import javax.sql.DataSource;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The datasource's connection pool: connections in use, free, and the most it may open. Payara's own pool metrics
 * ({@code connection_pool_*}, vendor scope) cover only server-level pools, not one defined by the application's
 * {@code @DataSourceDefinition}, and its monitoring MBeans need AMX and a monitoring level. So this reads Payara's
 * pool manager, by reflection (it is not an API: a Payara upgrade may rename it; then the gauges are not
 * registered and the log says so once, and nothing else changes).
 */
@ApplicationScoped
public class PoolGauges {

    private static final Logger LOG = Logger.getLogger(PoolGauges.class.getName());
    public static final String CONNECTIONS = "exotrace.db.pool.connections";
    public static final String MAX = "exotrace.db.pool.max";
    private static final String POOL_NAME = DatabaseConfig.JNDI_NAME.substring(DatabaseConfig.JNDI_NAME.indexOf(':') + 1);
    /** The read replica's pool (ADR 0042), whose name begins with the primary's: not counted here. */
    private static final String READ_POOL_NAME = DatabaseConfig.READ_JNDI_NAME.substring(DatabaseConfig.READ_JNDI_NAME.indexOf(':') + 1);

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    private Map<?, ?> poolTable;

    void register(@Observes SchemaReady ready) {
        try {
            ClassLoader server = dataSource.getClass().getClassLoader();
            Object locator = Class.forName("org.glassfish.internal.api.Globals", true, server).getMethod("getDefaultHabitat").invoke(null);
            Class<?> managerType = Class.forName("com.sun.enterprise.resource.pool.PoolManager", true, server);
            Method getService = locator.getClass().getMethod("getService", Class.class, Annotation[].class);
            getService.setAccessible(true);
            Object manager = getService.invoke(locator, managerType, new Annotation[0]);
            Field table = field(manager.getClass(), "poolTable");
            table.setAccessible(true);
            poolTable = (Map<?, ?>) table.get(manager);
            pools(); // fails now, not at the first scrape, if the shape is not the one expected
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "no connection pool gauges: Payara's pool manager is not reachable ({0})", e.toString());
            return;
        }
        Metadata connections = Metadata.builder().withName(CONNECTIONS)
                .withDescription("Connections of the application's datasource pool (" + DatabaseConfig.JNDI_NAME + "), by state").build();
        registry.gauge(connections, this, g -> g.sum(PoolGauges::used), new Tag("state", "used"));
        registry.gauge(connections, this, g -> g.sum(PoolGauges::free), new Tag("state", "free"));
        registry.gauge(Metadata.builder().withName(MAX).withDescription("The most connections the datasource pool may open").build(),
                this, g -> g.sum(PoolGauges::max));
    }

    private long sum(ToLongFunction<Object> figure) {
        try {
            return pools().stream().mapToLong(figure).sum();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * The pools of this application's primary datasource (Payara may keep a transactional and a non-transactional one);
     * not the read replica's.
     */
    private List<Object> pools() {
        List<Object> ours = new ArrayList<>();
        poolTable.forEach((info, pool) -> {
            String name = String.valueOf(info);
            if (name.contains(POOL_NAME) && !name.contains(READ_POOL_NAME)) {
                ours.add(pool);
            }
        });
        return ours;
    }

    private static long used(Object pool) {
        return number(call(call(pool, "getPoolStatus"), "getNumConnUsed"));
    }

    private static long free(Object pool) {
        return number(call(call(pool, "getPoolStatus"), "getNumConnFree"));
    }

    private static long max(Object pool) {
        return number(call(pool, "getMaxPoolSize"));
    }

    private static long number(Object n) {
        return ((Number) n).longValue();
    }

    private static Object call(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
