package dev.covet.migrations.squash;

import dev.covet.migrations.internal.squash.SchemaDifferences;
import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.internal.execute.MigrationRenderer;
import dev.covet.migrations.internal.execute.RenderedMigration;
import dev.covet.migrations.internal.execute.Step;
import dev.covet.migrations.introspect.SchemaReader;
import dev.covet.migrations.schema.SchemaState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Proves a squash on a real database: applies the originals to one scratch database and the squashed migration
 * to another (same dialect), reads both schemas back and compares them. The scratch databases must be empty
 * and disposable.
 */
public final class SquashVerifier {

    private final Dialect dialect;
    private final Map<String, JavaMigration> javaMigrations;

    public SquashVerifier(Dialect dialect, Map<String, JavaMigration> javaMigrations) {
        this.dialect = dialect;
        this.javaMigrations = Map.copyOf(javaMigrations);
    }

    /** Applies both sides and compares the introspected schemas. */
    public SquashVerification verifySquash(DataSource originalsDb, DataSource squashedDb, List<Migration> originals,
                                           Migration squashed) {
        SchemaState original = applyAndRead(originalsDb, originals);
        SchemaState result = applyAndRead(squashedDb, List.of(squashed));
        // Canonical forms, as drift and rollback checks compare: column order and unique spelling do not count.
        List<String> differences = SchemaDifferences.of(original.canonical(), result.canonical());
        return new SquashVerification(differences.isEmpty(), differences, original, result);
    }

    private SchemaState applyAndRead(DataSource dataSource, List<Migration> migrations) {
        MigrationRenderer renderer = new MigrationRenderer(dialect, javaMigrations);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (dialect.name().equals("sqlite")) {
                // Table rebuilds drop and re-create tables that others reference: the scratch copy checks no keys.
                s.execute("PRAGMA foreign_keys = OFF");
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
            SchemaState read = SchemaReader.forDialect(dialect).read(c, "covet_");
            if (dialect.name().equals("sqlite")) {
                s.execute("PRAGMA foreign_keys = ON");
            }
            return read;
        } catch (SQLException e) {
            throw new MigrationException("squash verification failed to apply migrations: " + e.getMessage(), e);
        }
    }
}
