package dev.covet.migrations.internal.lint;

import dev.covet.migrations.LintFinding;
import dev.covet.migrations.LintSuppressions;
import dev.covet.migrations.Migration;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds operations that lock or rewrite tables holding data, or break code still running on the old schema,
 * for one dialect. A finding is silenced with a {@link LintSuppressions} entry that names the migration,
 * the operation, the rule and a reason.
 */
public final class MigrationLinter {

    private final String dialect;
    private final List<LintRule> rules;
    private final LintSuppressions suppressions;

    public MigrationLinter(String dialect, LintSuppressions suppressions) {
        this(dialect, LintRules.all(), suppressions);
    }

    public MigrationLinter(String dialect, List<LintRule> rules, LintSuppressions suppressions) {
        this.dialect = dialect;
        this.rules = rules.stream().filter(r -> r.appliesTo(dialect)).toList();
        this.suppressions = suppressions;
    }

    /** The dialect's name. */
    public String dialect() {
        return dialect;
    }

    /** The findings for a migration applied on top of {@code before}. */
    public List<LintFinding> lint(Migration migration, SchemaState before) {
        List<LintFinding> findings = new ArrayList<>();
        Set<String> created = new HashSet<>();
        SchemaState state = before;
        List<Operation> ops = migration.operations();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            for (LintRule rule : rules) {
                int index = i;
                rule.check(op, state, created).ifPresent(p -> {
                    if (!suppressions.isSuppressed(migration.id(), index, rule.id())) {
                        findings.add(new LintFinding(rule.id(), migration.id(), index, describe(op), p.why(), p.instead()));
                    }
                });
            }
            if (op instanceof CreateTable c) {
                created.add(c.table().name());
            }
            try {
                state = op.applyTo(state);
            } catch (SchemaException e) {
                break;
            }
        }
        return findings;
    }

    private static String describe(Operation op) {
        return op.type() + (op.tables().isEmpty() ? "" : " " + String.join(",", op.tables()));
    }
}
