package dev.covet.migrations.internal.data;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One look at a job's replicas.
 *
 * @param lag how far behind the slowest replica that reported its lag is; empty when none did (none seen)
 * @param problems replicas that count as behind without a lag (replication stopped, unreachable), each named
 */
public record LagReading(Optional<Duration> lag, List<String> problems) {

    public LagReading {
        problems = List.copyOf(problems);
    }

    /** A reading with only a lag (or none), as a primary that sees its replicas gives. */
    public static LagReading of(Optional<Duration> lag) {
        return new LagReading(lag, List.of());
    }

    /** Whether the job must wait: a replica is more than {@code maxLag} behind, or cannot say how far. */
    public boolean behind(Duration maxLag) {
        return !problems.isEmpty() || lag.isPresent() && lag.get().compareTo(maxLag) > 0;
    }
}
