package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.audit.AuditingListener;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Instances (threads, each with its own runner, audit log and connections) that start migrating at the same moment. */
final class StartsAtOnce {

    private StartsAtOnce() {
    }

    /**
     * Starts {@code instances} runners at once, instance {@code i} on {@code databaseOf.apply(i)}; each outcome is
     * "applied N" or "failed: name: message".
     */
    static List<String> run(int instances, IntFunction<TestDatabase> databaseOf, MigrationFiles files, Duration lockTimeout)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                TestDatabase db = databaseOf.apply(i);
                String name = "instance-" + i;
                MigrationAuditLog audit = new MigrationAuditLog(db.dataSource(), db.dialect(), "covet_", Clock.systemUTC(), lockTimeout);
                MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                        .lockTimeout(lockTimeout).appliedBy(name)
                        .listener(new AuditingListener(audit, name, "test", Map.of())).build();
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return "applied " + runner.migrate().applied().size();
                    } catch (RuntimeException e) {
                        return "failed: " + name + " on " + db.url() + ": " + e.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(5, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many migrations the outcomes applied between them. */
    static int applied(List<String> outcomes) {
        return outcomes.stream().filter(o -> o.startsWith("applied ")).mapToInt(o -> Integer.parseInt(o.substring("applied ".length()))).sum();
    }
}
