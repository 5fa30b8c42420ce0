package dev.covet.migrations.squash;

import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.generate.MigrationGenerator;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A squash written next to its originals, on real databases: a fresh database runs only the squash, one that
 * applied every original records it as applied, one part-way through continues with the originals.
 */
class SquashOnDatabasesTests {

    private static final String SQUASH = "0010_squashed_0001_0010";

    /** Squashes all but the newest two of the directory's migrations and saves the squash into it. */
    static SquashResult squashInto(MigrationFiles dir, TestDatabase db) {
        List<Migration> migrations = runner(db, dir).migrations();
        SquashResult result = new MigrationSquasher().squashMigrations(migrations, null, 2);
        assertThat(result.isValid()).as("%s", result.conflicts()).isTrue();
        new MigrationGenerator().saveMigration(result.squashedMigration(), dir.dir());
        return result;
    }

    static MigrationRunner runner(TestDatabase db, MigrationFiles dir) {
        return MigrationRunner.builder(db.dataSource()).locations(dir.location()).build();
    }

    static SchemaState schema(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return db.dialect().schemaReader().read(c, "covet_").canonical();
        }
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        return db.count(sql);
    }

    private static List<String> names(List<MigrationInfo> infos) {
        return infos.stream().map(i -> i.id().name()).toList();
    }

    private static List<String> all(List<String> first, List<String> second) {
        List<String> out = new ArrayList<>(first);
        out.addAll(second);
        return out;
    }

    /** The schema a fresh database gets from the originals alone. */
    private static SchemaState originalsSchema(DatabaseKind kind) throws SQLException {
        try (TestDatabase db = kind.create(); MigrationFiles originals = BlogHistory.write(new MigrationFiles())) {
            assertThat(runner(db, originals).migrate().applied()).hasSize(12);
            return schema(db);
        }
    }

    @AllDatabases
    void freshDatabaseRunsOnlyTheSquashAndGetsTheSchemaOfTheOriginals(DatabaseKind kind) throws Exception {
        SchemaState expected = originalsSchema(kind);
        try (TestDatabase db = kind.create(); MigrationFiles dir = BlogHistory.write(new MigrationFiles())) {
            SquashResult result = squashInto(dir, db);
            assertThat(result.replaced()).extracting(MigrationId::name).containsExactlyElementsOf(BlogHistory.REPLACED);
            assertThat(result.operationCountAfter()).isLessThan(result.operationCountBefore());
            // The seed data stays (once); the elidable update, the short-lived column and index are gone.
            String yaml = new MigrationGenerator().render(result.squashedMigration());
            assertThat(result.squashedMigration().operations()).filteredOn(op -> op instanceof RunSql).singleElement()
                    .extracting(op -> ((RunSql) op).elidable()).isEqualTo(false);
            assertThat(yaml).contains("INSERT INTO authors").doesNotContain("name: draft_note", "idx_authors_nickname", "UPDATE authors");

            MigrationRunner runner = runner(db, dir);
            assertThat(runner.migrate().applied()).extracting(e -> e.id().name())
                    .containsExactlyElementsOf(all(List.of(SQUASH), BlogHistory.PRESERVED));
            assertThat(schema(db)).isEqualTo(expected);
            // The seed-data barrier survived the squash; the elidable update did not run.
            assertThat(count(db, "SELECT COUNT(*) FROM authors WHERE full_name = 'Ada' AND nickname IS NULL")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM articles WHERE title = 'Hello'")).isEqualTo(1);

            MigrationStatus status = runner.status();
            assertThat(status.pending()).isEmpty();
            assertThat(names(status.applied())).containsExactlyElementsOf(all(List.of(SQUASH), BlogHistory.PRESERVED));
            assertThat(runner.migrate().applied()).isEmpty();
        }
    }

    @AllDatabases
    void databaseThatAppliedEveryOriginalRecordsTheSquashAsApplied(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles dir = BlogHistory.write(new MigrationFiles())) {
            MigrationRunner runner = runner(db, dir);
            runner.migrate(MigrateOptions.toTarget(new MigrationId("default", "0010_widen_title")));
            SchemaState before = schema(db);
            squashInto(dir, db);

            assertThat(runner.status().pending()).extracting(i -> i.id().name())
                    .containsExactlyElementsOf(BlogHistory.PRESERVED);
            assertThat(runner.migrate().applied()).extracting(e -> e.id().name())
                    .containsExactlyElementsOf(BlogHistory.PRESERVED);
            MigrationStatus status = runner.status();
            assertThat(status.pending()).isEmpty();
            assertThat(status.missing()).isEmpty();
            assertThat(names(status.applied())).contains(SQUASH).containsAll(BlogHistory.REPLACED);
            assertThat(schema(db).table("authors")).isEqualTo(before.table("authors"));

            // Once every database has it, the originals can go: nothing is pending or missing afterwards.
            BlogHistory.REPLACED.forEach(name -> dir.delete(name + ".yaml"));
            assertThat(runner.migrate().applied()).isEmpty();
            assertThat(runner.status().pending()).isEmpty();
            assertThat(runner.status().missing()).isEmpty();
        }
    }

    @AllDatabases
    void databaseMidwayContinuesWithTheOriginalsAndThenCountsTheSquashAsApplied(DatabaseKind kind) throws Exception {
        SchemaState expected = originalsSchema(kind);
        try (TestDatabase db = kind.create(); MigrationFiles dir = BlogHistory.write(new MigrationFiles())) {
            MigrationRunner runner = runner(db, dir);
            runner.migrate(MigrateOptions.toTarget(new MigrationId("default", "0005_add_nickname")));
            squashInto(dir, db);

            List<String> rest = all(BlogHistory.REPLACED.subList(5, 10), BlogHistory.PRESERVED);
            assertThat(names(runner.status().pending())).containsExactlyElementsOf(rest);
            assertThat(runner.migrate().applied()).extracting(e -> e.id().name()).containsExactlyElementsOf(rest);
            assertThat(schema(db)).isEqualTo(expected);

            MigrationStatus status = runner.status();
            assertThat(status.pending()).isEmpty();
            assertThat(names(status.applied())).contains(SQUASH);
            assertThat(runner.migrate().applied()).isEmpty();
            assertThat(runner.status().failed()).isEmpty();
        }
    }

    @AllDatabases
    void verifierAcceptsTheSquashAndNamesTheTableACorruptedSquashGetsWrong(DatabaseKind kind) throws Exception {
        try (MigrationFiles dir = BlogHistory.write(new MigrationFiles());
             TestDatabase loader = kind.create()) {
            List<Migration> migrations = runner(loader, dir).migrations();
            SquashResult result = new MigrationSquasher().squashMigrations(migrations, null, 2);
            List<Migration> originals = migrations.subList(0, 10);
            SquashVerifier verifier = new SquashVerifier(loader.dialect(), Map.of(), "covet_");

            try (TestDatabase a = kind.create(); TestDatabase b = kind.create()) {
                SquashVerification good = verifier.verifySquash(a.dataSource(), b.dataSource(), originals, result.squashedMigration());
                assertThat(good.isValid()).as("%s", good.differences()).isTrue();
                assertThat(good.originalSchema().tables()).containsOnlyKeys("authors", "articles", "labels");
            }

            Migration squashed = result.squashedMigration();
            // Without the column rename the squash no longer produces the authors table of the originals.
            List<Operation> ops = squashed.operations().stream().filter(op -> !(op instanceof RenameColumn)).toList();
            assertThat(ops).hasSize(squashed.operations().size() - 1);
            Migration corrupted = new Migration(squashed.id(), squashed.description(), squashed.dependencies(), ops,
                    null, null, squashed.replaces(), null, squashed.source());
            try (TestDatabase a = kind.create(); TestDatabase b = kind.create()) {
                SquashVerification bad = verifier.verifySquash(a.dataSource(), b.dataSource(), originals, corrupted);
                assertThat(bad.isValid()).isFalse();
                assertThat(bad.differences()).singleElement().asString().startsWith("table authors");
            }
        }
    }
}
