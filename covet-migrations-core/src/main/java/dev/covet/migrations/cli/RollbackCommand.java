package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationId;
import dev.covet.migrations.RollbackOptions;
import dev.covet.migrations.report.RollbackOutcomeDescriptor;
import dev.covet.migrations.report.RollbackValidationDescriptor;
import dev.covet.migrations.safety.RollbackValidation;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.safety.SafeRollbackResult;

import java.util.Map;
import java.util.Set;

/**
 * {@code covet rollback [--steps N | --target ID] [--dry-run] [--force]}: a safe rollback of the newest N migrations,
 * or of everything applied after migration ID (which stays applied) (validated, backed up when data is at
 * risk, verified, restored on failure), or with {@code --dry-run} its validation: {@code isSafe, riskLevel,
 * dataAtRisk, errors, recommendations, sql}. Exits 1 when the rollback is refused or fails.
 */
public class RollbackCommand extends SpecifiedCommand {

    private static final String HELP = """
              --steps N          roll back the newest N applied migrations (default 1)
              --target ID        roll back everything applied after migration ID, keeping ID (not with --steps)
              --dry-run          validate and print the risk and SQL; change nothing
              --force            go ahead despite a high risk (still with its backup)""";

    static final CommandSpec SPEC = new CommandSpec("rollback",
            "covet rollback [--steps N | --target ID] [--dry-run] [--force] [--json]", Set.of("dry-run", "force"),
            Set.of("steps", "target"), 0, 0, Set.of(), HELP);

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
        RollbackOptions options = options(command);
        if (command.flag("dry-run")) {
            RollbackValidation validation = validator.validateRollback(options);
            output.result(command, RollbackValidationDescriptor.of(validation), text(validation));
            return ExitCodes.SUCCESS;
        }
        SafeRollbackResult result = validator.safeRollback(options, command.flag("force"), null);
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

    /** {@code --steps N} or {@code --target ID}: one or the other, never both. */
    private static RollbackOptions options(ParsedCommand command) {
        String target = command.value("target");
        if (target == null) {
            return RollbackOptions.steps(command.intValue("steps", 1, 1));
        }
        if (command.value("steps") != null) {
            throw new UsageException("--steps and --target cannot be used together: give one");
        }
        try {
            return RollbackOptions.toTarget(MigrationId.parse(target, MigrationId.DEFAULT_APP));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--target: " + e.getMessage());
        }
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
