package dev.covet.migrations.autoconfigure.metrics;

import dev.covet.migrations.MigrationEvent;
import dev.covet.migrations.MigrationListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;

/**
 * Records every migration execution in the timer {@value #TIMER}, tagged {@code migration},
 * {@code direction} ({@code up}/{@code down}) and {@code outcome} ({@code success}/{@code failure}).
 */
public class MigrationMetricsListener implements MigrationListener {

    /** The timer's name. */
    public static final String TIMER = "covet.migrations.execution";

    private final MeterRegistry registry;

    /**
     * Creates the listener.
     *
     * @param registry where to record
     */
    public MigrationMetricsListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onSuccess(MigrationEvent event) {
        record(event, "success");
    }

    @Override
    public void onFailure(MigrationEvent event) {
        record(event, "failure");
    }

    private void record(MigrationEvent event, String outcome) {
        Timer.builder(TIMER)
                .description("Time taken to apply or roll back a migration")
                .tag("migration", event.id().toString())
                .tag("direction", event.direction().name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome)
                .register(registry)
                .record(event.duration() == null ? Duration.ZERO : event.duration());
    }
}
