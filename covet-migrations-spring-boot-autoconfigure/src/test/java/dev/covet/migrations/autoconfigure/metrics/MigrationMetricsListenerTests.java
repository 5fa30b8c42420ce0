package dev.covet.migrations.autoconfigure.metrics;

import dev.covet.migrations.Direction;
import dev.covet.migrations.MigrationEvent;
import dev.covet.migrations.MigrationId;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationMetricsListenerTests {

    @Test
    void recordsTimerTaggedByMigrationDirectionAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MigrationMetricsListener listener = new MigrationMetricsListener(registry);
        MigrationId id = new MigrationId("default", "0001_initial");
        listener.onSuccess(new MigrationEvent(id, Direction.UP, 1, 1, Duration.ofMillis(120), List.of(), 0, null));
        listener.onFailure(new MigrationEvent(id, Direction.DOWN, 1, 1, Duration.ofMillis(30), List.of(), 0,
                new IllegalStateException("boom")));
        Timer up = registry.get(MigrationMetricsListener.TIMER).tags("migration", "0001_initial", "direction", "up",
                "outcome", "success").timer();
        assertThat(up.count()).isEqualTo(1);
        assertThat(up.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120);
        assertThat(registry.get(MigrationMetricsListener.TIMER).tags("direction", "down", "outcome", "failure").timer()
                .count()).isEqualTo(1);
    }
}
