package dev.covet.migrations.engine;

import dev.covet.migrations.audit.AuditEntry;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty instances (threads, each with its own runner, audit log and connections) start at once against one
 * database, on each database (once on CI, repeated with a system property): each migration is applied once, every audit row is there and closed, and
 * every instance starts (or would fail with a clear message: the figures line shows any).
 */
class FiftyAtOnceTests {

    private static final int INSTANCES = 50;
    /** One round on CI (about 6 s per database); {@code -Dcovet.fifty-at-once.rounds=3} for the full drill. */
    private static final int ROUNDS = Integer.getInteger("covet.fifty-at-once.rounds", 1);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(120);

    @AllDatabases
    void fiftyInstancesStartingAtOnceApplyEachMigrationOnceAndAuditEveryOne(DatabaseKind kind) throws Exception {
        try (MigrationFiles files = ShopHistory.write(new MigrationFiles())) {
            for (int round = 1; round <= ROUNDS; round++) {
                try (TestDatabase db = kind.create()) {
                    long started = System.nanoTime();
                    List<String> outcomes = StartsAtOnce.run(INSTANCES, i -> db, files, LOCK_TIMEOUT);
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    List<String> failures = outcomes.stream().filter(o -> o.startsWith("failed")).toList();
                    System.out.println("fifty at once: " + kind + " round " + round + ": " + (INSTANCES - failures.size())
                            + " started, " + failures.size() + " failed, " + ms + " ms" + (failures.isEmpty() ? "" : " " + failures));
                    assertThat(failures).as("instances that failed").isEmpty();
                    assertThat(StartsAtOnce.applied(outcomes))
                            .as("migrations applied across all instances").isEqualTo(10);
                    assertThat(MigrateRollbackTests.count(db, "SELECT COUNT(*) FROM covet_migrations WHERE state = 'APPLIED'")).isEqualTo(10);
                    assertThat(MigrateRollbackTests.count(db, "SELECT COUNT(*) FROM customers")).isEqualTo(2);
                    MigrationAuditLog audit = new MigrationAuditLog(db.dataSource(), db.dialect(), "covet_");
                    List<AuditEntry> rows = audit.getRecentMigrations(1000);
                    assertThat(rows).hasSize(10).allSatisfy(r -> assertThat(r.status()).isEqualTo(AuditEntry.SUCCESS));
                    assertThat(rows.stream().map(AuditEntry::migration).distinct()).hasSize(10);
                    assertThat(audit.verify()).isEmpty();
                }
            }
        }
    }
}
