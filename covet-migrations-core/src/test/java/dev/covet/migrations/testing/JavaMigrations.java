package dev.covet.migrations.testing;

import dev.covet.migrations.JavaMigration;

import java.sql.Connection;
import java.sql.SQLException;

/** Java migrations for tests. */
public final class JavaMigrations {

    /** What a test's migration does on its connection. */
    @FunctionalInterface
    public interface Work {
        void run(Connection c) throws SQLException;
    }

    private JavaMigrations() {
    }

    /** A migration run outside a transaction, as one holding a batch job must be. */
    public static JavaMigration outsideTransaction(String name, Work work) {
        return of(name, false, work);
    }

    /** A migration named {@code name}, run in a transaction of its own or not, doing {@code work}. */
    public static JavaMigration of(String name, boolean transactional, Work work) {
        return new JavaMigration() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean transactional() {
                return transactional;
            }

            @Override
            public void migrate(Connection c) throws SQLException {
                work.run(c);
            }
        };
    }
}
