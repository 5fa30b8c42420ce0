package dev.covet.migrations.engine;

import dev.covet.migrations.MigrateResult;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.internal.history.MigrationLock;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTests {

    @AllDatabases
    void eightRunnersAtOnceApplyEachMigrationExactlyOnce(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = ShopHistory.write(new MigrationFiles())) {
            int runners = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(runners);
            try {
                List<Future<MigrateResult>> results = new ArrayList<>();
                for (int i = 0; i < runners; i++) {
                    MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                            .lockTimeout(Duration.ofSeconds(60)).appliedBy("runner-" + i).build();
                    results.add(pool.submit(() -> {
                        start.await();
                        return runner.migrate();
                    }));
                }
                start.countDown();
                int applied = 0;
                for (Future<MigrateResult> f : results) {
                    applied += f.get(120, TimeUnit.SECONDS).applied().size();
                }
                assertThat(applied).isEqualTo(10);
            } finally {
                pool.shutdownNow();
            }
            assertThat(MigrateRollbackTests.count(db, "SELECT COUNT(*) FROM covet_migrations")).isEqualTo(10);
            assertThat(MigrateRollbackTests.count(db, "SELECT COUNT(*) FROM customers")).isEqualTo(2);
        }
    }

    @AllDatabases
    void aLockLeftByAKilledProcessDoesNotBlockTheNextRun(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = ShopHistory.write(new MigrationFiles())) {
            Process holder = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    LockHolderMain.class.getName(), db.kind(), db.url(), String.valueOf(db.user()), String.valueOf(db.password()))
                    .redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null && !line.equals("LOCKED")) {
                    // skip the holder's log lines
                }
                assertThat(line).as("the holder process took the lock").isEqualTo("LOCKED");
                assertThat(MigrationLock.forDialect(db.dialect(), db.dataSource(), "covet_").describe()).isNotEqualTo("free");
            } finally {
                holder.destroyForcibly();
                holder.waitFor(30, TimeUnit.SECONDS);
            }
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                    .lockTimeout(Duration.ofSeconds(15)).build();
            assertThat(runner.migrate().applied()).hasSize(10);
        }
    }

    private static String javaBin() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
