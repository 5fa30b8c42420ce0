package dev.covet.migrations;


import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Findings the team accepted, each with a reason: written {@code <migration>:<operation index>:<rule>=<reason>}
 * (for example {@code 0042_add_index:0:index-not-concurrent=table has 200 rows}); the operation index may be
 * {@code *}.
 */
public final class LintSuppressions {

    /**
     * One accepted finding.
     *
     * @param migration the migration
     * @param operationIndex the operation, or -1 for all of the migration's operations
     * @param rule the rule
     * @param reason why it is accepted
     */
    public record Suppression(MigrationId migration, int operationIndex, String rule, String reason) {
        public Suppression {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a lint suppression needs a reason: " + migration + ":" + rule);
            }
        }
    }

    private final List<Suppression> entries;

    public LintSuppressions(List<Suppression> entries) {
        this.entries = List.copyOf(entries);
    }

    /** No suppressions. */
    public static LintSuppressions none() {
        return new LintSuppressions(List.of());
    }

    /**
     * Parses {@code migration:index:rule=reason} entries.
     *
     * @throws IllegalArgumentException naming the entry when it is malformed or has no reason
     */
    public static LintSuppressions parse(List<String> texts) {
        return new LintSuppressions(texts.stream().map(LintSuppressions::parseOne).toList());
    }

    private static Suppression parseOne(String text) {
        int eq = text.indexOf('=');
        String[] parts = (eq < 0 ? text : text.substring(0, eq)).split(":");
        if (eq < 0 || parts.length < 3) {
            throw new IllegalArgumentException("lint suppression '" + text
                    + "' must be <migration>:<operation index or *>:<rule>=<reason>");
        }
        String rule = parts[parts.length - 1].trim();
        String index = parts[parts.length - 2].trim();
        String migration = String.join(":", Arrays.copyOf(parts, parts.length - 2)).trim();
        int operationIndex;
        try {
            operationIndex = index.equals("*") ? -1 : Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lint suppression '" + text + "': operation index '" + index + "' is not a number or *");
        }
        return new Suppression(MigrationId.parse(migration, MigrationId.DEFAULT_APP), operationIndex, rule,
                text.substring(eq + 1).trim());
    }

    /** Whether the finding was accepted. */
    public boolean isSuppressed(MigrationId migration, int operationIndex, String rule) {
        return entries.stream().anyMatch(s -> s.migration().equals(migration) && s.rule().equals(rule)
                && (s.operationIndex() < 0 || s.operationIndex() == operationIndex));
    }
}
