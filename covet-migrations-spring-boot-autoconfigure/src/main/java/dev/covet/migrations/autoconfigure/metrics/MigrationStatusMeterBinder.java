package dev.covet.migrations.autoconfigure.metrics;

import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.autoconfigure.MigrationStatusCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.function.ToIntFunction;

/**
 * Gauges {@value #PENDING} and {@value #FAILED}: how many migrations are pending and failed. A status that cannot
 * be read (database down) reports NaN rather than a misleading zero.
 */
public class MigrationStatusMeterBinder implements MeterBinder {

    /** Gauge of pending migrations. */
    public static final String PENDING = "covet.migrations.pending";

    /** Gauge of failed migrations. */
    public static final String FAILED = "covet.migrations.failed";

    private final MigrationStatusCache status;

    /**
     * Creates the binder.
     *
     * @param status where the status comes from
     */
    public MigrationStatusMeterBinder(MigrationStatusCache status) {
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PENDING, status, c -> count(c, s -> s.pending().size()))
                .description("Migrations not applied yet").register(registry);
        Gauge.builder(FAILED, status, c -> count(c, s -> s.failed().size()))
                .description("Migrations whose last attempt failed").register(registry);
    }

    private static double count(MigrationStatusCache cache, ToIntFunction<MigrationStatus> what) {
        try {
            return what.applyAsInt(cache.get());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
