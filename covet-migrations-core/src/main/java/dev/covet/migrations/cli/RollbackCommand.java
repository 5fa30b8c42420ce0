package dev.covet.migrations.cli;

import dev.covet.migrations.report.RollbackOutcomeDescriptor;
import dev.covet.migrations.report.RollbackValidationDescriptor;
import dev.covet.migrations.safety.RollbackValidation;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.safety.SafeRollbackResult;

import java.util.Map;
import java.util.Set;

/**
 * {@code covet rollback [--steps N] [--dry-run] [--force]}: a safe rollback (validated, backed up when data is at
 * risk, verified, restored on failure), or with {@code --dry-run} its validation: {@code isSafe, riskLevel,
 * dataAtRisk, errors, recommendations, sql}. Exits 1 when the rollback is refused or fails.
 */
public class RollbackCommand extends SpecifiedCommand {

    private static final CommandSpec SPEC = new CommandSpec("rollback",
            "covet rollback [--steps N] [--dry-run] [--force] [--json]", Set.of("dry-run", "force"), Set.of("steps"), 0, 0);

    private final RollbackValidator validator;

    /**
     * Creates the command.
     *
     * @param validator validates and runs safe rollbacks
     */
    public RollbackCommand(RollbackValidator validator) {
        super(SPEC);
        this.validator = validator;
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        int steps = command.intValue("steps", 1, 1);
        if (command.flag("dry-run")) {
            RollbackValidation validation = validator.validateRollback(steps);
            output.result(command, RollbackValidationDescriptor.of(validation), text(validation));
            return ExitCodes.SUCCESS;
        }
        SafeRollbackResult result = validator.safeRollback(steps, command.flag("force"), null);
        RollbackOutcomeDescriptor outcome = RollbackOutcomeDescriptor.of(result);
        if (result.success()) {
            output.result(command, outcome, "Rolled back: " + String.join(", ", result.rolledBack())
                    + (result.backupId() == null ? "" : " (backup " + result.backupId() + ")"));
            return ExitCodes.SUCCESS;
        }
        if (command.json()) {
            output.result(command, outcome, null);
            output.note("covet: rollback failed: " + String.join("; ", result.errors()));
        } else {
            output.error(false, "rollback failed: " + String.join("; ", result.errors())
                    + (result.restored() ? " (backup " + result.backupId() + " restored)" : ""), Map.of());
        }
        return ExitCodes.FAILURE;
    }

    private static String text(RollbackValidation v) {
        StringBuilder b = new StringBuilder("Rollback of ").append(v.migrations()).append(": risk ")
                .append(v.riskLevel()).append(" (").append(v.riskLevel().description()).append("), ")
                .append(v.isSafe() ? "safe" : "NOT safe").append('\n');
        if (!v.dataAtRisk().isEmpty()) {
            b.append("Rows at risk: ").append(v.dataAtRisk()).append('\n');
        }
        v.errors().forEach(e -> b.append("Error: ").append(e).append('\n'));
        v.recommendations().forEach(r -> b.append("Recommendation: ").append(r).append('\n'));
        b.append("SQL:\n");
        v.sql().forEach(s -> b.append("  ").append(s).append(";\n"));
        return b.toString().stripTrailing();
    }
}
