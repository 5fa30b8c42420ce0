package dev.covet.migrations.report;

import dev.covet.migrations.safety.SafeRollbackResult;

import java.util.List;

/**
 * What a safe rollback did: the body of {@code POST /actuator/migrations/rollback} and of
 * {@code covet rollback --json}.
 *
 * @param success whether the rollback ran and verified
 * @param rolledBack the migrations rolled back, newest first
 * @param backupId the backup taken, or null
 * @param restored whether the backup was restored after a failure
 * @param errors what went wrong
 * @param durationSeconds how long it took
 * @param validation the validation that ran first
 */
public record RollbackOutcomeDescriptor(boolean success, List<String> rolledBack, String backupId, boolean restored,
                                        List<String> errors, double durationSeconds,
                                        RollbackValidationDescriptor validation) {

    /**
     * The descriptor of a safe rollback's result.
     *
     * @param result the result
     * @return its descriptor
     */
    public static RollbackOutcomeDescriptor of(SafeRollbackResult result) {
        return new RollbackOutcomeDescriptor(result.success(), result.rolledBack(), result.backupId(),
                result.restored(), result.errors(), result.durationSeconds(),
                result.validation() == null ? null : RollbackValidationDescriptor.of(result.validation()));
    }
}
