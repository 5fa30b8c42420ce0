package dev.covet.migrations.testing;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A pool of one, for tests of what a borrowed connection looks like when it goes back to the application: every
 * borrow gets the same real connection, and "closing" it hands it back open.
 */
public final class OneConnectionPool {

    private OneConnectionPool() {
    }

    /** A data source lending {@code connection} every time. */
    public static DataSource of(Connection connection) {
        // A test-only stand-in for a pool's connection handle; production code never does this.
        Connection borrowed = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return ConnectionSource.of("one pooled connection", () -> borrowed);
    }
}
