package dev.covet.benchmarks.child;

import dev.covet.benchmarks.db.Target;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.nio.file.Path;

/** Flyway's migrate, configured as its documentation shows (URL data source, filesystem location). */
final class FlywayCalls {

    private FlywayCalls() {
    }

    static CallResult migrate(Target target, Path dir) {
        long t0 = System.nanoTime();
        MigrateResult result = Flyway.configure()
                .dataSource(target.url(), target.user().isEmpty() ? null : target.user(), target.password())
                .locations("filesystem:" + dir)
                .load()
                .migrate();
        return new CallResult(System.nanoTime() - t0, "applied=" + result.migrationsExecuted);
    }
}
