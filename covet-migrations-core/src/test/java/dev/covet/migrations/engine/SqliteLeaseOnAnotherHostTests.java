package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.lock.MigrationLockTimeoutException;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A SQLite lock held by a process on another host (a host name planted in the lock row, so the process cannot be
 * checked): its heartbeat keeps the lease while it lives, past the lease's length; once it is killed the lease runs
 * out and the next start proceeds, within a lock timeout just above the lease.
 */
class SqliteLeaseOnAnotherHostTests {

    private static final long LEASE_MS = 1500;

    @Test
    void aLiveHolderKeepsItsLeaseAndADeadOnesExpiresWithinIt() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = ShopHistory.write(new MigrationFiles())) {
            Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), LockHolderMain.class.getName(), db.kind(), db.url(), "null", "null",
                    String.valueOf(LEASE_MS), "build-agent-7").redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null && !line.equals("LOCKED")) {
                    // skip the holder's log lines
                }
                assertThat(line).as("the holder process took the lock").isEqualTo("LOCKED");
                // Twice the lease: without its heartbeat the holder's lease would have run out by now.
                Thread.sleep(2 * LEASE_MS);
                MigrationRunner impatient = MigrationRunner.builder(db.dataSource()).locations(files.location())
                        .lockTimeout(Duration.ofMillis(300)).build();
                assertThatThrownBy(impatient::migrate).isInstanceOf(MigrationLockTimeoutException.class)
                        .hasMessageContaining("on build-agent-7")
                        .hasMessageContaining("A live holder renews its lease every")
                        .hasMessageContaining("raise covet.migrations.lock-timeout above");
            } finally {
                holder.destroyForcibly();
                holder.waitFor(30, TimeUnit.SECONDS);
            }
            MigrationRunner next = MigrationRunner.builder(db.dataSource()).locations(files.location())
                    .lockTimeout(Duration.ofMillis(LEASE_MS + 2000)).build();
            assertThat(next.migrate().applied()).hasSize(10);
        }
    }
}
