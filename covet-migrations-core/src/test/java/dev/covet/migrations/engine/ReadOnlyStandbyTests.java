package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.RollbackOptions;
import dev.covet.migrations.cli.CommandOutput;
import dev.covet.migrations.cli.CovetCommandDispatcher;
import dev.covet.migrations.cli.ExitCodes;
import dev.covet.migrations.cli.MigrateCommand;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.safety.RollbackPolicy;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.testing.ConnectionSource;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.PostgresStandby;
import dev.covet.migrations.testing.TestDatabase;
import dev.covet.migrations.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writing commands pointed at a database that accepts no writes fail at once, before the lock, naming the problem:
 * a real PostgreSQL streaming standby ({@code scripts/pg-standby.sh}), and a read-only session on PostgreSQL and
 * MariaDB. (A server-wide {@code SET GLOBAL read_only} is not tested: the MariaDB server is shared with tests
 * running in parallel, which it would break.)
 */
class ReadOnlyStandbyTests {

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);

    private static final String INITIAL = """
            operations:
              - type: CREATE_TABLE
                table: accounts
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
            """;

    @Test
    void writingCommandsOnAStandbyFailAtOnceBeforeTheLock() throws Exception {
        try (TestDatabase primary = TestDatabases.create("postgresql"); MigrationFiles files = new MigrationFiles()) {
            PostgresStandby standby = PostgresStandby.locate();
            files.write("0001_initial.yaml", INITIAL);
            DataSource replica = standby.replicaOf(primary);
            MigrationRunner onReplica = MigrationRunner.builder(replica).dialect(primary.dialect())
                    .locations(files.location()).lockTimeout(LOCK_TIMEOUT).build();

            // The migration lock is held (advisory locks work on a standby): a run that went for it would wait the
            // full lock timeout; the refusal comes first.
            try (MigrationLock.Held held = primary.dialect().lock(replica, "covet_").acquire(Duration.ofSeconds(5))) {
                long start = System.nanoTime();
                assertThatThrownBy(onReplica::migrate).isInstanceOf(MigrationException.class)
                        .hasMessageContaining("cannot migrate")
                        .hasMessageContaining("127.0.0.1:5433")
                        .hasMessageContaining("is a read-only standby (pg_is_in_recovery() is true)")
                        .hasMessageContaining("point covet at the primary")
                        .hasMessageContaining("nothing was locked or written");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LOCK_TIMEOUT.dividedBy(2));
            }
            assertThat(tables(primary.dataSource())).noneMatch(t -> t.startsWith("covet_"));

            // What a user of "covet migrate" sees: exit 1 and the reason, no stack trace.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new CovetCommandDispatcher(List.of(new MigrateCommand(onReplica)),
                    new CommandOutput(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                    .run(List.of("migrate"));
            assertThat(exit).isEqualTo(ExitCodes.FAILURE);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("read-only standby").contains("point covet at the primary")
                    .doesNotContain("\tat ");

            // Once migrated on the primary, the standby answers read-only questions; writing commands are refused.
            MigrationRunner onPrimary = MigrationRunner.builder(primary.dataSource()).dialect(primary.dialect())
                    .locations(files.location()).build();
            assertThat(onPrimary.migrate().applied()).hasSize(1);
            files.write("0002_more.yaml", """
                    operations:
                      - {type: ADD_COLUMN, table: accounts, column: {name: email, type: VARCHAR(200)}}
                    """);
            standby.awaitReplayed(primary);
            assertThat(onReplica.status().applied()).hasSize(1);
            assertThat(onReplica.status().pending()).hasSize(1);
            assertThatThrownBy(onReplica::migrate).hasMessageContaining("cannot migrate").hasMessageContaining("read-only standby");
            assertThatThrownBy(() -> onReplica.rollback(RollbackOptions.steps(1))).hasMessageContaining("cannot roll back")
                    .hasMessageContaining("read-only standby");
            // The safe rollback (covet rollback) is refused before it backs up anything.
            assertThatThrownBy(() -> new RollbackValidator(onReplica, RollbackPolicy.defaults().alwaysBackUp())
                    .safeRollback(1, true, null)).hasMessageContaining("cannot roll back").hasMessageContaining("read-only standby");
            assertThatThrownBy(() -> onReplica.repair(false)).hasMessageContaining("cannot repair")
                    .hasMessageContaining("read-only standby");
            assertThatThrownBy(() -> onReplica.markApplied(new MigrationId(MigrationId.DEFAULT_APP, "0002_more")))
                    .hasMessageContaining("cannot record").hasMessageContaining("read-only standby");
            // The primary was not touched by any of it: 0002 still pending there.
            assertThat(onPrimary.status().pending()).extracting(m -> m.id().name()).containsExactly("0002_more");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void aReadOnlySessionIsRefusedBeforeTheLock(String kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_initial.yaml", INITIAL);
            String readOnly = kind.equals("postgresql") ? "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"
                    : "SET SESSION TRANSACTION READ ONLY";
            DataSource readOnlySessions = ConnectionSource.of(db.url(), () -> {
                Connection c = db.connect();
                try (Statement s = c.createStatement()) {
                    s.execute(readOnly);
                }
                return c;
            });
            MigrationRunner runner = MigrationRunner.builder(readOnlySessions).dialect(db.dialect())
                    .locations(files.location()).build();
            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("cannot migrate")
                    .hasMessageContaining("accepts no writes")
                    .hasMessageContaining(kind.equals("postgresql") ? "transaction_read_only" : "read_only")
                    .hasMessageContaining("point covet at the primary");
            assertThat(tables(db.dataSource())).noneMatch(t -> t.startsWith("covet_"));
            // The same database through ordinary sessions migrates.
            MigrationRunner writable = MigrationRunner.builder(db.dataSource()).dialect(db.dialect())
                    .locations(files.location()).build();
            assertThat(writable.migrate().applied()).hasSize(1);
        }
    }

    private static List<String> tables(DataSource ds) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }
}
