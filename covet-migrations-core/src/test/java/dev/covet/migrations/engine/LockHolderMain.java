package dev.covet.migrations.engine;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.history.MigrationLock;
import dev.covet.migrations.testing.ConnectionSource;

import javax.sql.DataSource;
import java.sql.DriverManager;
import java.time.Duration;

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
        DataSource ds = ConnectionSource.of(url, () -> DriverManager.getConnection(url, user, password));
        MigrationLock.Held held = MigrationLock.forDialect(Dialect.forName(kind), ds, "covet_").acquire(Duration.ofSeconds(30));
        System.out.println("LOCKED");
        System.out.flush();
        // Wait to be killed; the lock must not outlive this process.
        System.in.read();
        held.close();
    }
}
