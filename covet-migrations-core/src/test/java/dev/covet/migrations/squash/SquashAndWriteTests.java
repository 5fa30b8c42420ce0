package dev.covet.migrations.squash;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.squash.SquashAndWrite.SquashOutcome;
import dev.covet.migrations.squash.SquashVerifier.ScratchVerification;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.OneConnectionPool;
import dev.covet.migrations.testing.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The squash service verifies on a scratch database of the application's kind (SQLite in memory, a temporary
 * PostgreSQL schema, a temporary MySQL database), leaves the application's database and borrowed connection as they
 * were, and says plainly when it could only check Covet's schema model.
 */
class SquashAndWriteTests {

    /** Not Covet's default, so the scratch databases' names and the tables left out follow the configuration. */
    private static final String PREFIX = "sq_";

    private static MigrationRunner runner(DataSource dataSource, MigrationFiles dir) {
        return MigrationRunner.builder(dataSource).locations(dir.location()).tablePrefix(PREFIX).build();
    }

    @AllDatabases
    void verifiesOnAScratchDatabaseOfTheApplicationsKindThenWrites(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles dir = BlogHistory.write(new MigrationFiles());
             Connection app = db.connect()) {
            // One pooled connection: whatever the scratch database changes on it must be undone before it goes back.
            String before = current(app, kind);
            MigrationRunner runner = runner(OneConnectionPool.of(app), dir);

            SquashOutcome outcome = new SquashAndWrite(runner).write(null, 2, dir.dir());

            assertThat(outcome.isValid()).as("%s", outcome.conflicts()).isTrue();
            assertThat(outcome.check().method()).isEqualTo(SquashCheck.Method.SCRATCH_DATABASE);
            assertThat(outcome.check().description()).startsWith("verified on a scratch database")
                    .contains(switch (kind.kind()) {
                        case "sqlite" -> "an in-memory SQLite database";
                        case "postgresql" -> "a temporary schema sq_squash_";
                        default -> "a temporary database sq_squash_";
                    });
            assertThat(outcome.file()).exists().hasFileName("0010_squashed_0001_0010.yaml");
            assertThat(current(app, kind)).isEqualTo(before);
            assertThat(scratchLeft(app, kind)).isZero();
            assertThat(runner.liveSchema().tables()).as("the application's database is untouched").isEmpty();
        }
    }

    @AllDatabases
    void aDryRunVerifiesAndWritesNothing(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles dir = BlogHistory.write(new MigrationFiles())) {
            SquashOutcome outcome = new SquashAndWrite(runner(db.dataSource(), dir)).preview("blog", 2);

            assertThat(outcome.isValid()).as("%s", outcome.conflicts()).isTrue();
            assertThat(outcome.check().method()).isEqualTo(SquashCheck.Method.SCRATCH_DATABASE);
            assertThat(outcome.file()).isNull();
            assertThat(outcome.yaml()).contains("replaces:");
            assertThat(dir.dir().resolve("0010_blog.yaml")).doesNotExist();
        }
    }

    @AllDatabases
    void theScratchComparisonNamesTheTableACorruptedSquashGetsWrong(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles dir = BlogHistory.write(new MigrationFiles())) {
            List<Migration> migrations = runner(db.dataSource(), dir).migrations();
            Migration squashed = new MigrationSquasher().squashMigrations(migrations, null, 2).squashedMigration();
            // Without the column rename the squash no longer produces the authors table of the originals.
            List<Operation> ops = squashed.operations().stream().filter(op -> !(op instanceof RenameColumn)).toList();
            Migration corrupted = new Migration(squashed.id(), squashed.description(), squashed.dependencies(), ops,
                    null, null, squashed.replaces(), null, squashed.source());

            ScratchVerification bad = new SquashVerifier(db.dialect(), Map.of(), PREFIX)
                    .verifyOnScratch(db.dataSource(), migrations.subList(0, 10), corrupted);

            assertThat(bad.verification().isValid()).isFalse();
            assertThat(bad.verification().differences()).singleElement().asString().startsWith("table authors");
        }
    }

    @AllDatabases
    void withoutTheRightToCreateAScratchDatabaseItSaysSoAndChecksTheSchemaModel(DatabaseKind kind) throws Exception {
        assumeThat(kind.kind()).as("SQLite's scratch database is in memory: nothing to refuse").isNotEqualTo("sqlite");
        try (TestDatabase db = kind.create(); MigrationFiles dir = BlogHistory.write(new MigrationFiles());
             Restricted restricted = Restricted.on(db)) {
            SquashOutcome outcome = new SquashAndWrite(runner(restricted.dataSource(), dir)).write(null, 2, dir.dir());

            assertThat(outcome.isValid()).as("%s", outcome.conflicts()).isTrue();
            assertThat(outcome.check().method()).isEqualTo(SquashCheck.Method.SCHEMA_MODEL);
            assertThat(outcome.check().description())
                    .startsWith("not verified on a database: cannot create a temporary "
                            + (kind.kind().equals("postgresql") ? "schema on the PostgreSQL" : "database on the MySQL/MariaDB"))
                    .endsWith("checked only that the squashed operations project the schema the originals project on"
                            + " Covet's schema model");
            assertThat(outcome.file()).exists();
        }
    }

    /** A connection that may use the test database but not create schemas or databases. */
    private record Restricted(DataSource dataSource, AutoCloseable cleanup) implements AutoCloseable {

        static Restricted on(TestDatabase db) throws SQLException {
            if (db.kind().equals("postgresql")) {
                // The test role owns its database; a read-only session is refused CREATE SCHEMA by the server all the same.
                Connection c = db.connect();
                try (Statement s = c.createStatement()) {
                    s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                }
                return new Restricted(OneConnectionPool.of(c), c);
            }
            String user = "sq_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            String database;
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                database = c.getCatalog();
                s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'sq-password'");
                s.execute("GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'%'");
            }
            Connection c = DriverManager.getConnection(db.url(), user, "sq-password");
            return new Restricted(OneConnectionPool.of(c), () -> {
                c.close();
                db.execute("DROP USER '" + user + "'@'%'");
            });
        }

        @Override
        public void close() throws Exception {
            cleanup.close();
        }
    }

    /** The connection's current schema (PostgreSQL: with its search path) or database. */
    private static String current(Connection c, DatabaseKind kind) throws SQLException {
        String sql = switch (kind.kind()) {
            case "sqlite" -> "SELECT 'main'";
            case "postgresql" -> "SELECT current_schema() || ' ' || current_setting('search_path')";
            default -> "SELECT DATABASE()";
        };
        return single(c, sql);
    }

    /** Scratch schemas or databases left on the server. */
    private static long scratchLeft(Connection c, DatabaseKind kind) throws SQLException {
        String sql = switch (kind.kind()) {
            case "sqlite" -> "SELECT 0";
            case "postgresql" -> "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'sq\\_squash\\_%'";
            default -> "SELECT count(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'sq\\_squash\\_%'";
        };
        return Long.parseLong(single(c, sql));
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
