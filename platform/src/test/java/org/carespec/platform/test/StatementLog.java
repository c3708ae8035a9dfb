package org.carespec.platform.test;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Records the SQL the platform sends while a test listens, by wrapping the application's data source: what a
 * request really asks of the database, for tests that count reads. Present only where a test sets
 * {@code carespec.test.statement-log=true}.
 */
@Singleton
@Requires(property = "carespec.test.statement-log", value = "true")
public class StatementLog implements BeanCreatedEventListener<DataSource>, Ordered {

    private final List<String> statements = new ArrayList<>();
    private volatile boolean listening;

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        if (!(event.getBean() instanceof com.zaxxer.hikari.HikariDataSource)) {
            // Only the pool itself: Micronaut Data's contextual proxy must stay in front of it, unwrapped. This
            // listener runs first (getOrder) so that the pool is what it is given.
            throw new IllegalStateException("StatementLog was given " + event.getBean().getClass().getName()
                    + " rather than the connection pool: another listener ran first");
        }
        return wrap(DataSource.class, event.getBean(), (target, method, args) -> {
            Object result = method.invoke(target, args);
            return result instanceof Connection c ? wrap(Connection.class, c, this::connection) : result;
        });
    }

    /** Before Micronaut Data's listener puts its contextual proxy in front of the pool. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Starts recording, forgetting anything recorded before. */
    public synchronized void listen() {
        statements.clear();
        listening = true;
    }

    /** Stops recording and gives what was sent, in order. */
    public synchronized List<String> stop() {
        listening = false;
        return List.copyOf(statements);
    }

    private Object connection(Object target, Method method, Object[] args) throws Throwable {
        if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
            record(sql);
        }
        Object result = method.invoke(target, args);
        return result instanceof Statement s && !(result instanceof java.sql.PreparedStatement)
                ? wrap(Statement.class, s, (t, m, a) -> {
                    if (m.getName().startsWith("execute") && a != null && a[0] instanceof String sql) {
                        record(sql);
                    }
                    return m.invoke(t, a);
                })
                : result;
    }

    private synchronized void record(String sql) {
        if (listening) {
            statements.add(sql.replaceAll("\\s+", " ").trim());
        }
    }

    interface Call {
        Object invoke(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return target;
            }
            try {
                return call.invoke(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
