package dev.covet.benchmarks.child;

import dev.covet.benchmarks.db.Target;
import liquibase.CatalogAndSchema;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;

import java.nio.file.Path;

/** Liquibase's update and snapshot through its Java API. */
final class LiquibaseCalls {

    private LiquibaseCalls() {
    }

    @SuppressWarnings("deprecation") // Liquibase.update(String) is still the plain API in 4.x
    static CallResult update(Target target, Path dir) throws Exception {
        long t0 = System.nanoTime();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(target.connect()));
        try (Liquibase liquibase = new Liquibase("changelog.xml", new DirectoryResourceAccessor(dir), database)) {
            liquibase.update("");
        }
        return new CallResult(System.nanoTime() - t0, "updated");
    }

    /**
     * A snapshot of the same kinds of objects Covet's reader reads: tables, columns, keys, indexes.
     */
    static CallResult snapshot(Target target) throws Exception {
        // The connection is opened before the clock starts, as for Covet's reader; Liquibase's own setup is timed.
        JdbcConnection connection = new JdbcConnection(target.connect());
        long t0 = System.nanoTime();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(connection);
        DatabaseSnapshot snapshot;
        try {
            SnapshotControl control = new SnapshotControl(database, Table.class, Column.class, PrimaryKey.class,
                    ForeignKey.class, Index.class, UniqueConstraint.class);
            snapshot = SnapshotGeneratorFactory.getInstance().createSnapshot(
                    new CatalogAndSchema[] {database.getDefaultSchema()}, database, control);
        } finally {
            database.close();
        }
        return new CallResult(System.nanoTime() - t0, "tables=" + snapshot.get(Table.class).size());
    }
}
