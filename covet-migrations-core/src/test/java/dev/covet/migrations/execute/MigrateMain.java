package dev.covet.migrations.execute;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.ConnectionSource;

import java.sql.DriverManager;
import java.time.Duration;

/** A separate process that migrates a database and says DONE: the process the kill drills kill. */
public final class MigrateMain {

    private MigrateMain() {
    }

    /** Arguments: JDBC URL, user, password, migrations location. */
    public static void main(String[] args) {
        String url = args[0];
        MigrationRunner.builder(ConnectionSource.of(url, () -> DriverManager.getConnection(url, args[1], args[2])))
                .locations(args[3]).lockTimeout(Duration.ofSeconds(30)).build().migrate();
        System.out.println("DONE");
    }
}
