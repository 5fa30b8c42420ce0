package dev.covet.migrations.engine;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.history.MigrationLock;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * A separate process that takes the migration lock, says LOCKED and waits to be killed: the "dead holder"
 * of the lock tests.
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        String url = args[1];
        String user = "null".equals(args[2]) ? null : args[2];
        String password = "null".equals(args[3]) ? null : args[3];
        DataSource ds = new DataSource() {
            @Override public Connection getConnection() throws SQLException { return DriverManager.getConnection(url, user, password); }
            @Override public Connection getConnection(String u, String p) throws SQLException { return DriverManager.getConnection(url, u, p); }
            @Override public PrintWriter getLogWriter() { return null; }
            @Override public void setLogWriter(PrintWriter out) { }
            @Override public void setLoginTimeout(int seconds) { }
            @Override public int getLoginTimeout() { return 0; }
            @Override public Logger getParentLogger() { return Logger.getGlobal(); }
            @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("no"); }
            @Override public boolean isWrapperFor(Class<?> iface) { return false; }
        };
        MigrationLock.Held held = MigrationLock.forDialect(Dialect.forName(kind), ds, "covet_").acquire(Duration.ofSeconds(30));
        System.out.println("LOCKED");
        System.out.flush();
        // Wait to be killed; the lock must not outlive this process.
        System.in.read();
        held.close();
    }
}
