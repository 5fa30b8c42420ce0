package dev.covet.benchmarks.child;

import dev.covet.benchmarks.db.Target;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
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

    /** Flyway's {@code info}: what is applied and pending, as its API gives it. */
    static CallResult info(Target target, Path dir) {
        long t0 = System.nanoTime();
        MigrationInfoService info = Flyway.configure()
                .dataSource(target.url(), target.user().isEmpty() ? null : target.user(), target.password())
                .locations("filesystem:" + dir)
                .load()
                .info();
        return new CallResult(System.nanoTime() - t0, "applied=" + info.applied().length + ",pending=" + info.pending().length);
    }
}
