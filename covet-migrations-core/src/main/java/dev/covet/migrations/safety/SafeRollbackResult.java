package dev.covet.migrations.safety;

import java.time.Duration;
import java.util.List;

/**
 * What a safe rollback did.
 *
 * @param success whether the rollback ran and verified
 * @param duration how long it took
 * @param errors what went wrong
 * @param backupId the backup taken (or given), or {@code null}
 * @param restored whether the backup was restored after a failure (and verified identical)
 * @param validation the validation it ran first
 * @param rolledBack the migrations rolled back, newest first
 */
public record SafeRollbackResult(boolean success, Duration duration, List<String> errors, String backupId, boolean restored,
                                 RollbackValidation validation, List<String> rolledBack) {
    public SafeRollbackResult {
        errors = List.copyOf(errors);
        rolledBack = List.copyOf(rolledBack);
    }

    /** Seconds, as the seed reports it. */
    public double durationSeconds() {
        return duration.toNanos() / 1e9;
    }
}
