package dev.covet.migrations.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Table names or simple patterns ({@code *} the only wildcard, matching any run of characters), compared without
 * regard to case: {@code batch_*}, {@code qrtz_*}, {@code shedlock}. Names the tables other tools own (Spring Batch,
 * Quartz, ShedLock) that makemigrations, baseline and the drift check leave alone.
 *
 * @param patterns the patterns, trimmed, as given
 */
public record TableFilter(List<String> patterns) {

    /** Characters other tools take for wildcards; refused so a pattern never means less than its author thought. */
    private static final String OTHER_WILDCARDS = "?%[]{}()|+^\\";

    private static final TableFilter NONE = new TableFilter(List.of());

    public TableFilter {
        patterns = List.copyOf(patterns);
    }

    /** The filter that matches no table. */
    public static TableFilter none() {
        return NONE;
    }

    /**
     * A filter of the given entries, validated.
     *
     * @param origin where the entries come from, for errors (for example a property name)
     * @param entries names or patterns; {@code null} for none
     * @throws IllegalArgumentException naming the origin and the entry, for a blank entry or one with a wildcard
     *         character other than {@code *}
     */
    public static TableFilter of(String origin, Collection<String> entries) {
        if (entries == null || entries.isEmpty()) {
            return NONE;
        }
        List<String> patterns = new ArrayList<>();
        for (String entry : entries) {
            String pattern = entry == null ? "" : entry.strip();
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException(origin + ": blank entry in " + entries);
            }
            for (char c : pattern.toCharArray()) {
                if (OTHER_WILDCARDS.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                    throw new IllegalArgumentException(origin + ": entry '" + entry + "' contains '" + c
                            + "'; use table names, with * as the only wildcard");
                }
            }
            patterns.add(pattern);
        }
        return new TableFilter(patterns);
    }

    /** Whether no pattern is configured. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether the table matches one of the patterns (case-insensitively). */
    public boolean matches(String table) {
        Objects.requireNonNull(table, "table");
        String name = table.toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> glob(p.toLowerCase(Locale.ROOT), name));
    }

    /** The schema without the tables this filter matches. */
    public SchemaState without(SchemaState schema) {
        if (isEmpty()) {
            return schema;
        }
        return SchemaState.of(schema.tables().values().stream().filter(t -> !matches(t.name())).toList());
    }

    /** Matches {@code *} greedily segment by segment: the first segment anchors the start, the last the end. */
    private static boolean glob(String pattern, String name) {
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) {
            return pattern.equals(name);
        }
        if (!name.startsWith(parts[0]) || !name.endsWith(parts[parts.length - 1])
                || name.length() < parts[0].length() + parts[parts.length - 1].length()) {
            return false;
        }
        int at = parts[0].length();
        int end = name.length() - parts[parts.length - 1].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = name.indexOf(parts[i], at);
            if (found < 0 || found + parts[i].length() > end) {
                return false;
            }
            at = found + parts[i].length();
        }
        return true;
    }
}
