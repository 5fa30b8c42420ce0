package dev.covet.migrations.squash;

import dev.covet.migrations.internal.squash.SchemaDifferences;
import dev.covet.migrations.internal.squash.ScratchDatabase;
import dev.covet.migrations.internal.squash.ScratchDatabaseUnavailableException;
import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.internal.execute.MigrationRenderer;
import dev.covet.migrations.internal.execute.RenderedMigration;
import dev.covet.migrations.internal.execute.Step;
import dev.covet.migrations.schema.SchemaState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Proves a squash on a real database: applies the originals to one scratch database and the squashed migration
 * to another (same dialect), reads both schemas back and compares them.
 */
public final class SquashVerifier {

    private final Dialect dialect;
    private final Map<String, JavaMigration> javaMigrations;
    private final String tablePrefix;

    /**
     * @param dialect the databases' dialect
     * @param javaMigrations the Java migrations the migrations may run, by name
     * @param tablePrefix Covet's table prefix: tables starting with it are Covet's, not compared
     */
    public SquashVerifier(Dialect dialect, Map<String, JavaMigration> javaMigrations, String tablePrefix) {
        this.dialect = dialect;
        this.javaMigrations = Map.copyOf(javaMigrations);
        this.tablePrefix = tablePrefix;
    }

    /**
     * Applies both sides to scratch databases made next to the application's (see {@link ScratchDatabase}: SQLite in
     * memory, a temporary PostgreSQL schema, a temporary MySQL database), one after the other, each dropped when read.
     *
     * @param application the application's data source: where PostgreSQL and MySQL scratch databases are created
     * @return the comparison, and where it was done
     * @throws ScratchDatabaseUnavailableException when a scratch database cannot be created
     * @throws OriginalsDoNotApplyException when the originals themselves fail on an empty database
     */
    public ScratchVerification verifyOnScratch(DataSource application, List<Migration> originals, Migration squashed) {
        SchemaState original;
        String where;
        try (ScratchDatabase scratch = ScratchDatabase.create(dialect, application, tablePrefix)) {
            where = scratch.description();
            original = applyAndRead(scratch.connection(), originals);
        } catch (MigrationException e) {
            throw new OriginalsDoNotApplyException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new ScratchDatabaseUnavailableException("cannot drop the scratch database: " + e.getMessage());
        }
        SchemaState result;
        try (ScratchDatabase scratch = ScratchDatabase.create(dialect, application, tablePrefix)) {
            result = applyAndRead(scratch.connection(), List.of(squashed));
        } catch (MigrationException e) {
            return new ScratchVerification(where, new SquashVerification(false,
                    List.of("the squashed migration fails where the originals apply: " + e.getMessage()), original, null));
        } catch (SQLException e) {
            throw new ScratchDatabaseUnavailableException("cannot drop the scratch database: " + e.getMessage());
        }
        return new ScratchVerification(where, compare(original, result));
    }

    /** Applies both sides to the given databases, which must be empty and disposable, and compares them. */
    public SquashVerification verifySquash(DataSource originalsDb, DataSource squashedDb, List<Migration> originals,
                                           Migration squashed) {
        SchemaState original = applyAndRead(originalsDb, originals);
        SchemaState result = applyAndRead(squashedDb, List.of(squashed));
        return compare(original, result);
    }

    private static SquashVerification compare(SchemaState original, SchemaState result) {
        // Canonical forms, as drift and rollback checks compare: column order and unique spelling do not count.
        List<String> differences = SchemaDifferences.of(original.canonical(), result.canonical());
        return new SquashVerification(differences.isEmpty(), differences, original, result);
    }

    private SchemaState applyAndRead(DataSource dataSource, List<Migration> migrations) {
        try (Connection c = dataSource.getConnection()) {
            return applyAndRead(c, migrations);
        } catch (SQLException e) {
            throw new MigrationException("squash verification failed to apply migrations: " + e.getMessage(), e);
        }
    }

    private SchemaState applyAndRead(Connection c, List<Migration> migrations) {
        MigrationRenderer renderer = new MigrationRenderer(dialect, javaMigrations);
        try (Statement s = c.createStatement()) {
            if (dialect.rebuildsTables()) {
                // Table rebuilds drop and re-create tables that others reference: the scratch copy checks no keys.
                dialect.foreignKeyChecks(c, false);
            }
            SchemaState state = SchemaState.empty();
            for (Migration m : migrations) {
                RenderedMigration rendered = renderer.renderUp(m, state);
                for (Step step : rendered.steps()) {
                    if (step instanceof Step.Sql sql) {
                        s.execute(sql.sql());
                    } else if (step instanceof Step.Java java) {
                        javaMigrations.get(java.migration()).migrate(c);
                    }
                }
                state = rendered.after();
            }
            SchemaState read = dialect.schemaReader().read(c, tablePrefix);
            if (dialect.rebuildsTables()) {
                dialect.foreignKeyChecks(c, true);
            }
            return read;
        } catch (SQLException e) {
            throw new MigrationException("squash verification failed to apply migrations: " + e.getMessage(), e);
        }
    }

    /**
     * A verification on scratch databases.
     *
     * @param where the first scratch database, for people (the second is made the same way)
     * @param verification the comparison
     */
    public record ScratchVerification(String where, SquashVerification verification) {
    }

    /** The original migrations fail on an empty database, so the squash cannot be compared with them there. */
    public static final class OriginalsDoNotApplyException extends RuntimeException {

        OriginalsDoNotApplyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
