package dev.covet.migrations.engine;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.testing.ConnectionSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

/**
 * A separate process that takes the migration lock, says LOCKED and waits to be killed: the "dead holder"
 * of the lock tests. Arguments: kind, URL, user, password, and for SQLite optionally a lease (ms) and a host
 * name to plant in the lock row.
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
        // Optional: a lease in milliseconds and a host name to plant in the SQLite lock row (a holder on another host).
        MigrationLock lock = args.length > 4 ? new SqliteDialect().lock(ds, "covet_", Duration.ofMillis(Long.parseLong(args[4])))
                : Dialect.forName(kind).lock(ds, "covet_");
        MigrationLock.Held held = lock.acquire(Duration.ofSeconds(30));
        if (args.length > 5) {
            try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement("UPDATE covet_lock SET host = ?")) {
                p.setString(1, args[5]);
                p.executeUpdate();
            }
        }
        System.out.println("LOCKED");
        System.out.flush();
        // Wait to be killed; the lock must not outlive this process.
        System.in.read();
        held.close();
    }
}
