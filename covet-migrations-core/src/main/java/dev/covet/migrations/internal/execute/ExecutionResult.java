package dev.covet.migrations.internal.execute;

import java.time.Duration;
import java.util.List;

/**
 * What running one migration did.
 *
 * @param executed the steps executed, as text
 * @param affectedRows rows changed, as the driver reported them
 * @param duration how long it took
 */
public record ExecutionResult(List<String> executed, long affectedRows, Duration duration) {
    public ExecutionResult {
        executed = List.copyOf(executed);
    }
}
