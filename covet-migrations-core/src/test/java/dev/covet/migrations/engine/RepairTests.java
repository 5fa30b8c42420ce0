package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.RepairChange;
import dev.covet.migrations.RepairResult;
import dev.covet.migrations.audit.AuditEntry;
import dev.covet.migrations.audit.AuditingListener;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.lock.MigrationLockTimeoutException;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MigrationRunner#repair}: an applied file edited on purpose gets its checksum recorded again, a FAILED row
 * fixed by hand is removed, each change audited; a dry run changes nothing; a missing file stops it before any change.
 */
class RepairTests {

    private static final String ACCOUNTS = """
            operations:
              - type: CREATE_TABLE
                table: accounts
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
            """;

    private static MigrationRunner runner(TestDatabase db, MigrationFiles files, MigrationAuditLog log) {
        return MigrationRunner.builder(db.dataSource()).dialect(db.dialect()).locations(files.location())
                .listener(new AuditingListener(log, "repairer", "test", Map.of())).build();
    }

    private static List<AuditEntry> repairRows(MigrationAuditLog log) {
        return log.getRecentMigrations(100).stream().filter(AuditEntry::isRepair).toList();
    }

    @AllDatabases
    void anAppliedFileEditedOnPurposeValidatesAfterRepair(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_accounts.yaml", ACCOUNTS);
            MigrationAuditLog log = new MigrationAuditLog(db.dataSource(), db.dialect(), "covet_");
            MigrationRunner runner = runner(db, files, log);
            runner.migrate();
            String recorded = runner.status().applied().get(0).checksum();
            // The same schema, written differently: the database already matches the file.
            files.write("0001_accounts.yaml", "# reviewed: the same table\n" + ACCOUNTS);
            String now = runner.migrations().get(0).checksum();
            assertThat(now).isNotEqualTo(recorded);
            assertThatThrownBy(runner::validate).isInstanceOf(MigrationException.class).hasMessageContaining("covet repair");

            RepairResult dryRun = runner.repair(true);
            assertThat(dryRun.dryRun()).isTrue();
            assertThat(dryRun.changes()).singleElement().isEqualTo(new RepairChange(
                    new MigrationId(MigrationId.DEFAULT_APP, "0001_accounts"), RepairChange.Kind.CHECKSUM_REALIGNED,
                    recorded, now, "APPLIED"));
            assertThatThrownBy(runner::validate).hasMessageContaining("modified after they were applied");
            assertThat(repairRows(log)).isEmpty();

            RepairResult result = runner.repair(false);
            assertThat(result.dryRun()).isFalse();
            assertThat(result.changes()).singleElement().extracting(RepairChange::describe).asString()
                    .contains("0001_accounts").contains(recorded + " -> " + now);
            runner.validate();
            MigrationStatus status = runner.status();
            assertThat(status.modified()).isEmpty();
            assertThat(status.failed()).isEmpty();
            assertThat(status.applied().get(0).checksum()).isEqualTo(now);
            assertThat(repairRows(log)).singleElement().satisfies(e -> {
                assertThat(e.migration()).isEqualTo("0001_accounts");
                assertThat(e.executor()).isEqualTo("repairer");
                assertThat(e.status()).isEqualTo(AuditEntry.REPAIRED);
                assertThat(e.sqlExecuted()).singleElement().asString().contains(recorded + " -> " + now);
            });
            assertThat(log.verify()).isEmpty();
            assertThat(runner.repair(false).nothingToRepair()).isTrue();
        }
    }

    @AllDatabases
    void aFailedRowFixedByHandIsRemovedAndTheMigrationRunsAgain(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_accounts.yaml", ACCOUNTS).write("0002_raw.yaml", """
                    operations:
                      - type: RUN_SQL
                        sql: CREATE TABLE made_by_hand (id INTEGER)
                      - type: RUN_SQL
                        sql: INSERT INTO needed_later (id) VALUES (1)
                    """);
            MigrationAuditLog log = new MigrationAuditLog(db.dataSource(), db.dialect(), "covet_");
            MigrationRunner runner = runner(db, files, log);
            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationFailedException.class);
            if (db.dialect().transactionalDdl()) {
                // The transaction left nothing; a FAILED row as a killed or older run can leave it stands in for MySQL's.
                insertFailedRow(db, runner.migrations().get(1).checksum());
            } else {
                // MySQL committed the CREATE and marked the migration FAILED; the user undoes it by hand.
                db.execute("DROP TABLE made_by_hand");
            }
            assertThat(runner.status().failed()).extracting(i -> i.id().name()).containsExactly("0002_raw");

            RepairResult dryRun = runner.repair(true);
            assertThat(dryRun.changes()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(RepairChange.Kind.FAILED_ROW_REMOVED);
                assertThat(c.id().name()).isEqualTo("0002_raw");
                assertThat(c.describe()).contains("FAILED row removed");
            });
            assertThat(runner.status().failed()).hasSize(1);

            assertThat(runner.repair(false).changes()).extracting(c -> c.id().name()).containsExactly("0002_raw");
            MigrationStatus status = runner.status();
            assertThat(status.failed()).isEmpty();
            assertThat(status.pending()).extracting(i -> i.id().name()).containsExactly("0002_raw");
            assertThat(repairRows(log)).singleElement().satisfies(e -> {
                assertThat(e.migration()).isEqualTo("0002_raw");
                assertThat(e.executor()).isEqualTo("repairer");
            });
            assertThat(log.verify()).isEmpty();

            db.execute("CREATE TABLE needed_later (id INTEGER)");
            assertThat(runner.migrate().applied()).extracting(e -> e.id().name()).containsExactly("0002_raw");
            runner.validate();
        }
    }

    @AllDatabases
    void anAppliedMigrationWithoutItsFileIsRefusedAndNothingChanges(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_accounts.yaml", ACCOUNTS).write("0002_notes.yaml", """
                    operations:
                      - {type: CREATE_TABLE, table: notes, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
                    """);
            MigrationAuditLog log = new MigrationAuditLog(db.dataSource(), db.dialect(), "covet_");
            MigrationRunner runner = runner(db, files, log);
            runner.migrate();
            files.write("0001_accounts.yaml", "# edited\n" + ACCOUNTS);
            files.delete("0002_notes.yaml");

            assertThatThrownBy(() -> runner.repair(false)).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("0002_notes").hasMessageContaining("Restore the file")
                    .hasMessageContaining("nothing was changed");
            assertThatThrownBy(() -> runner.repair(true)).hasMessageContaining("0002_notes");
            assertThat(runner.status().modified()).extracting(i -> i.id().name()).containsExactly("0001_accounts");
            assertThat(repairRows(log)).isEmpty();
        }
    }

    @AllDatabases
    void repairWaitsForTheMigrationLockAndChangesNothingWithoutIt(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_accounts.yaml", ACCOUNTS);
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).dialect(db.dialect())
                    .locations(files.location()).lockTimeout(Duration.ofMillis(300)).build();
            runner.migrate();
            files.write("0001_accounts.yaml", "# edited\n" + ACCOUNTS);
            // Another instance migrating holds the lock: repair must not change the history under it.
            try (MigrationLock.Held ignored = db.dialect().lock(db.dataSource(), "covet_").acquire(Duration.ofSeconds(5))) {
                assertThatThrownBy(() -> runner.repair(false)).isInstanceOf(MigrationLockTimeoutException.class);
            }
            assertThat(runner.status().modified()).hasSize(1);
            assertThat(runner.repair(false).changes()).hasSize(1);
            assertThat(runner.status().modified()).isEmpty();
        }
    }

    private static void insertFailedRow(TestDatabase db, String checksum) throws Exception {
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement("INSERT INTO covet_migrations (app, name,"
                + " checksum, description, applied_at, execution_ms, applied_by, state, statements_done, detail)"
                + " VALUES (?, ?, ?, ?, ?, 0, 'test', 'FAILED', 1, 'failed at statement 2')")) {
            p.setString(1, MigrationId.DEFAULT_APP);
            p.setString(2, "0002_raw");
            p.setString(3, checksum);
            p.setString(4, "raw");
            p.setTimestamp(5, Timestamp.from(Instant.now()));
            p.executeUpdate();
        }
    }
}
