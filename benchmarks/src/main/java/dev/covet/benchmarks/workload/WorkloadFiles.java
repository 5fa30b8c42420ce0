package dev.covet.benchmarks.workload;

import dev.covet.migrations.Migration;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.generate.MigrationGenerator;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.squash.MigrationSquasher;
import dev.covet.migrations.squash.SquashResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one generated history as every tool's files, from the same operations and the same rendered SQL text:
 * <ul>
 *   <li>{@code covet-sql/0001_x.sql}: plain SQL files (no markers), what Covet and the plain-JDBC floor run;</li>
 *   <li>{@code flyway/V1__x.sql}: the same text under Flyway's names;</li>
 *   <li>{@code liquibase/changelog.xml}: one changeset per file, each a {@code sqlFile} of {@code liquibase/sql/};</li>
 *   <li>{@code covet-yaml/0001_x.yaml}: the operations as Covet YAML (the squash scenario's originals);</li>
 *   <li>{@code covet-squashed/}: those squashed by {@link MigrationSquasher} into one migration, the data
 *       statements kept (a RUN_SQL is a barrier no operation moves past, so little folds);</li>
 *   <li>{@code covet-squashed-schema/}: the same squash with every data statement marked {@code elidable} (what
 *       a team does for seed data and backfills a fresh database does not need), so operations fold into the
 *       final CREATE TABLEs.</li>
 * </ul>
 *
 * @param root the directory holding the others
 * @param squash what the squasher reported, data kept
 * @param schemaSquash what the squasher reported, data elided
 * @param statements SQL statements over all files
 */
public record WorkloadFiles(Path root, SquashResult squash, SquashResult schemaSquash, int statements) {

    public Path covetSql() {
        return root.resolve("covet-sql");
    }

    public Path flyway() {
        return root.resolve("flyway");
    }

    public Path liquibase() {
        return root.resolve("liquibase");
    }

    public Path covetYaml() {
        return root.resolve("covet-yaml");
    }

    public Path covetSquashed() {
        return root.resolve("covet-squashed");
    }

    public Path covetSquashedSchema() {
        return root.resolve("covet-squashed-schema");
    }

    /** The data-elidable squash rendered to SQL in one file: the floor a squashed install can reach. */
    public Path jdbcSquashedSchema() {
        return root.resolve("jdbc-squashed-schema");
    }

    /** Renders and writes the history, squashes included, into {@code root}, which must not exist yet. */
    public static WorkloadFiles write(Path root, List<GeneratedMigration> history, Dialect dialect) {
        return write(root, history, dialect, true);
    }

    /**
     * Renders and writes the history into {@code root}, which must not exist yet (never reuse a workload).
     *
     * @param squash whether to write the squashed variants too (their fields are {@code null} when not)
     */
    public static WorkloadFiles write(Path root, List<GeneratedMigration> history, Dialect dialect, boolean squash) {
        try {
            if (Files.exists(root)) {
                throw new IllegalStateException(root + " exists: a workload is always written to a fresh directory");
            }
            WorkloadFiles files = new WorkloadFiles(root, null, null, 0);
            for (Path dir : List.of(files.covetSql(), files.flyway(), files.liquibase().resolve("sql"), files.covetYaml(),
                    files.covetSquashed(), files.covetSquashedSchema(), files.jdbcSquashedSchema())) {
                Files.createDirectories(dir);
            }
            int statements = writeSql(files, history, dialect);
            List<Migration> migrations = writeYaml(files, history);
            if (!squash) {
                return new WorkloadFiles(root, null, null, statements);
            }
            SquashResult kept = squash(migrations, files.covetSquashed());
            SquashResult elided = squash(migrations.stream().map(WorkloadFiles::dataElidable).toList(),
                    files.covetSquashedSchema());
            writeSquashedSql(elided, dialect, files.jdbcSquashedSchema());
            return new WorkloadFiles(root, kept, elided, statements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SquashResult squash(List<Migration> migrations, Path dir) throws IOException {
        SquashResult squash = new MigrationSquasher().squashMigrations(migrations, "squashed", 0);
        if (!squash.isValid()) {
            throw new IllegalStateException("the generated history does not squash: " + squash.conflicts());
        }
        write(dir.resolve(squash.squashedMigration().id().name() + ".yaml"),
                new MigrationGenerator().render(squash.squashedMigration()));
        return squash;
    }

    /** The squash's operations as one SQL file, rendered as Covet would run them. */
    private static void writeSquashedSql(SquashResult squash, Dialect dialect, Path dir) throws IOException {
        StringBuilder sql = new StringBuilder();
        SchemaState state = SchemaState.empty();
        for (Operation op : squash.squashedMigration().operations()) {
            for (String statement : dialect.render(op, state)) {
                sql.append(statement).append(";\n");
            }
            state = op.applyTo(state);
        }
        write(dir.resolve("0001_squashed.sql"), sql.toString());
    }

    /** The migration with its data statements marked elidable. */
    private static Migration dataElidable(Migration m) {
        List<Operation> ops = m.operations().stream()
                .map(op -> op instanceof RunSql sql ? (Operation) new RunSql(sql.sql(), sql.reverseSql(), true) : op).toList();
        return new Migration(m.id(), m.description(), m.dependencies(), ops, m.forwardSql(), m.backwardSql(), m.replaces(),
                m.checksum(), m.source());
    }

    private static int writeSql(WorkloadFiles files, List<GeneratedMigration> history, Dialect dialect) throws IOException {
        SchemaState state = SchemaState.empty();
        StringBuilder changelog = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                        xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                """);
        int statements = 0;
        for (GeneratedMigration m : history) {
            StringBuilder sql = new StringBuilder();
            for (Operation op : m.operations()) {
                for (String statement : dialect.render(op, state)) {
                    sql.append(statement).append(";\n");
                    statements++;
                }
                state = op.applyTo(state);
            }
            String text = sql.toString();
            write(files.covetSql().resolve(m.covetName() + ".sql"), text);
            write(files.flyway().resolve(m.flywayName() + ".sql"), text);
            write(files.liquibase().resolve("sql").resolve(m.covetName() + ".sql"), text);
            changelog.append("  <changeSet id=\"").append(m.number()).append("\" author=\"bench\">\n")
                    .append("    <sqlFile path=\"sql/").append(m.covetName())
                    .append(".sql\" relativeToChangelogFile=\"true\" splitStatements=\"true\" endDelimiter=\";\"/>\n")
                    .append("  </changeSet>\n");
        }
        changelog.append("</databaseChangeLog>\n");
        write(files.liquibase().resolve("changelog.xml"), changelog.toString());
        return statements;
    }

    private static List<Migration> writeYaml(WorkloadFiles files, List<GeneratedMigration> history) throws IOException {
        MigrationGenerator generator = new MigrationGenerator();
        List<Migration> migrations = new ArrayList<>();
        for (GeneratedMigration m : history) {
            Migration migration = generator.generateMigration(m.operations(), m.slug(), null);
            if (!migration.id().name().equals(m.covetName())) {
                throw new IllegalStateException("numbering drifted: " + migration.id().name() + " for " + m.covetName());
            }
            write(files.covetYaml().resolve(m.covetName() + ".yaml"), generator.render(migration));
            migrations.add(migration);
        }
        return migrations;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
