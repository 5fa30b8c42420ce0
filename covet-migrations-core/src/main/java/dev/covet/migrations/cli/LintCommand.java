package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.LintFinding;
import dev.covet.migrations.LintReport;
import dev.covet.migrations.LintSuppressions;

import java.util.List;
import java.util.Set;

/**
 * {@code covet lint [--all]}: finds operations in pending migrations (or, with {@code --all}, in every file) that
 * lock or rewrite big tables or break code still running, for the database's dialect. Exits 1 when it finds any
 * not silenced by {@code covet.migrations.lint.suppressions}, so a pipeline can stop on them. With {@code --json}:
 * {@code {dialect, migrationsChecked, findings: [{rule, migration, operationIndex, operation, why, instead}]}}.
 */
public class LintCommand extends RunnerCommand {

    static final CommandSpec SPEC = new CommandSpec("lint", "covet lint [--all] [--json]", Set.of("all"), Set.of(), 0, 0);

    private final List<String> suppressions;

    /**
     * Creates the command.
     *
     * @param runner the runner
     * @param suppressions accepted findings, {@code <migration>:<operation index or *>:<rule>=<reason>}
     */
    public LintCommand(MigrationRunner runner, List<String> suppressions) {
        super(SPEC, runner);
        this.suppressions = List.copyOf(suppressions);
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        LintSuppressions accepted;
        try {
            accepted = LintSuppressions.parse(suppressions);
        } catch (IllegalArgumentException e) {
            output.error(command.json(), "covet.migrations.lint.suppressions: " + e.getMessage(), null);
            return ExitCodes.FAILURE;
        }
        LintReport report = runner.lint(accepted, !command.flag("all"));
        List<Finding> findings = report.findings().stream().map(Finding::of).toList();
        output.result(command, new Report(report.dialect(), report.migrationsChecked(), findings), text(report));
        return report.isClean() ? ExitCodes.SUCCESS : ExitCodes.FAILURE;
    }

    private static String text(LintReport report) {
        String scope = report.migrationsChecked() + " migration(s) checked for " + report.dialect();
        if (report.isClean()) {
            return "No risky operations: " + scope;
        }
        StringBuilder b = new StringBuilder(report.findings().size() + " finding(s), " + scope + ":");
        for (LintFinding f : report.findings()) {
            b.append("\n  ").append(f.migration()).append(" operations[").append(f.operationIndex()).append("] ")
                    .append(f.operation()).append("  [").append(f.rule()).append("]\n    why: ").append(f.why())
                    .append("\n    instead: ").append(f.instead());
        }
        b.append("\nSilence an accepted finding with covet.migrations.lint.suppressions: <migration>:<index>:<rule>=<reason>");
        return b.toString();
    }

    /**
     * The JSON document of {@code covet lint --json}.
     *
     * @param dialect the dialect whose rules ran
     * @param migrationsChecked how many migrations were linted
     * @param findings what was found
     */
    public record Report(String dialect, int migrationsChecked, List<Finding> findings) {
    }

    /**
     * One finding.
     *
     * @param rule the rule id (to silence it)
     * @param migration the migration
     * @param operationIndex the operation's position in the migration
     * @param operation what the operation does
     * @param why what goes wrong in production
     * @param instead the safe alternative
     */
    public record Finding(String rule, String migration, int operationIndex, String operation, String why, String instead) {
        static Finding of(LintFinding f) {
            return new Finding(f.rule(), f.migration().toString(), f.operationIndex(), f.operation(), f.why(), f.instead());
        }
    }
}
