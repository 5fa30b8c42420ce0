package dev.covet.migrations.internal.execute;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * Statements and metadata handed out by a {@link JavaMigrationConnection}, whose {@code getConnection()} returns
 * that guarded connection rather than the driver's: otherwise {@code statement.getConnection().commit()} would
 * end Covet's transaction behind the guard. Everything else goes to the driver's object as it is.
 */
final class GuardedHandles {

    private GuardedHandles() {
    }

    /**
     * Wraps a driver object as {@code type} (an interface: {@code Statement}, {@code PreparedStatement},
     * {@code CallableStatement}, {@code DatabaseMetaData}).
     */
    static <T> T wrap(Class<T> type, T target, Connection guarded) {
        if (target == null) {
            return null;
        }
        InvocationHandler handler = (proxy, method, args) -> invoke(proxy, target, guarded, method, args);
        return type.cast(Proxy.newProxyInstance(GuardedHandles.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object proxy, Object target, Connection guarded, Method method, Object[] args)
            throws Throwable {
        switch (method.getName()) {
            case "getConnection":
                if (method.getParameterCount() == 0) {
                    return guarded;
                }
                break;
            case "equals":
                return method.getParameterCount() == 1 && proxy == args[0];
            case "hashCode":
                return method.getParameterCount() == 0 ? System.identityHashCode(proxy) : call(target, method, args);
            default:
                break;
        }
        return call(target, method, args);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
