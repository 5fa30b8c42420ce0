package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.MigrationEvent;
import dev.covet.migrations.MigrationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Logs a WARN when a migration takes longer than {@code covet.migrations.slow-migration-threshold}, so slow
 * DDL (table rewrites, index builds on big tables) is noticed before it hurts a deployment.
 */
public class SlowMigrationLogger implements MigrationListener {

    private static final Logger log = LoggerFactory.getLogger(SlowMigrationLogger.class);

    private final Duration threshold;

    /**
     * Creates the logger.
     *
     * @param threshold duration above which a migration is slow
     */
    public SlowMigrationLogger(Duration threshold) {
        this.threshold = threshold;
    }

    @Override
    public void onSuccess(MigrationEvent event) {
        check(event, "succeeded");
    }

    @Override
    public void onFailure(MigrationEvent event) {
        check(event, "failed");
    }

    private void check(MigrationEvent event, String outcome) {
        if (event.duration() != null && event.duration().compareTo(threshold) > 0) {
            log.warn("Slow migration: {} ({}) {} after {} ms, above the threshold of {} ms", event.id(),
                    event.direction(), outcome, event.duration().toMillis(), threshold.toMillis());
        }
    }
}
