package dev.covet.benchmarks.child;

import dev.covet.benchmarks.db.SimpleDataSource;
import dev.covet.benchmarks.db.Target;
import dev.covet.benchmarks.workload.RenameWorkload;
import dev.covet.migrations.MigrateResult;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.diff.ColumnRename;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.schema.SchemaState;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/** Covet's calls, each timed around the public API a user would call. */
final class CovetCalls {

    private CovetCalls() {
    }

    static CallResult migrate(Target target, Path dir, Dialect dialect) {
        long t0 = System.nanoTime();
        MigrateResult result = MigrationRunner.builder(new SimpleDataSource(target)).dialect(dialect)
                .locations("filesystem:" + dir).build().migrate();
        return new CallResult(System.nanoTime() - t0, applied(result));
    }

    /** How many migrations ran, and the engine's own time executing them (statements and history writes). */
    private static String applied(MigrateResult result) {
        // Summed in nanoseconds: most migrations take about a millisecond, so whole milliseconds would under-count.
        long execMs = result.applied().stream().mapToLong(e -> e.duration().toNanos()).sum() / 1_000_000;
        return "applied=" + result.applied().size() + ",exec_ms=" + execMs;
    }

    /** The read alone: the connection is opened before the clock starts (for Liquibase too). */
    static CallResult introspect(Target target, Dialect dialect) throws Exception {
        try (Connection c = target.connect()) {
            long t0 = System.nanoTime();
            SchemaState state = dialect.schemaReader().read(c, "covet_");
            return new CallResult(System.nanoTime() - t0, "tables=" + state.tables().size());
        }
    }

    /** The pending ALTER_COLUMN of the rebuild workload, on a SQLite dialect told to always rebuild. */
    static CallResult forcedRebuild(Target target, Path dir) {
        long t0 = System.nanoTime();
        MigrateResult result = MigrationRunner.builder(new SimpleDataSource(target)).dialect(new SqliteDialect(true))
                .locations("filesystem:" + dir).build().migrate();
        return new CallResult(System.nanoTime() - t0, applied(result));
    }

    static CallResult detectRenames() {
        RenameWorkload w = RenameWorkload.generate(500, 42);
        long t0 = System.nanoTime();
        List<ColumnRename> renames = new RenameDetector().matchColumns("t", "t", w.dropped(), w.added());
        return new CallResult(System.nanoTime() - t0, "renames=" + renames.size());
    }
}
