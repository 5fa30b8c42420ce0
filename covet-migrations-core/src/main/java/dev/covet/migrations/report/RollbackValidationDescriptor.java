package dev.covet.migrations.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.covet.migrations.safety.RollbackValidation;

import java.util.List;
import java.util.Map;

/**
 * The verdict on a rollback before it runs: the body of {@code GET /actuator/migrations/rollback?steps=N} and of
 * {@code covet rollback --dry-run --json}.
 *
 * @param isSafe whether it may run without force
 * @param riskLevel SAFE, LOW, MEDIUM, HIGH or CRITICAL
 * @param dataAtRisk rows at risk per table
 * @param errors what stops it
 * @param recommendations what to do before rolling back
 * @param sql the statements it would run
 * @param migrations the migrations it would roll back, newest first
 * @param dependencies what depends on what is rolled back
 */
public record RollbackValidationDescriptor(@JsonProperty("isSafe") boolean isSafe, String riskLevel,
                                           Map<String, Long> dataAtRisk, List<String> errors,
                                           List<String> recommendations, List<String> sql, List<String> migrations,
                                           List<String> dependencies) {

    /**
     * The descriptor of a validation.
     *
     * @param validation the validation
     * @return its descriptor
     */
    public static RollbackValidationDescriptor of(RollbackValidation validation) {
        return new RollbackValidationDescriptor(validation.isSafe(), validation.riskLevel().name(),
                validation.dataAtRisk(), validation.errors(), validation.recommendations(), validation.sql(),
                validation.migrations(), validation.dependencies());
    }
}
