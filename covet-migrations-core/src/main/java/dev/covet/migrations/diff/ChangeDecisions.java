package dev.covet.migrations.diff;

import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settles what generation cannot know from the entities alone, and never guesses it: whether a
 * {@link RenameCandidate} is a rename, and what value the existing rows get in a new NOT NULL column. The answer
 * comes from a flag ({@code --rename}, {@code --no-rename}, {@code --default}), else from the person at the console
 * (a {@link Prompter}), else the question stays open ({@link #undecided()}) and no file may be written.
 *
 * <p>Every answer is kept as a note ({@link #notes()}) so the written file says what was decided and how.
 */
public final class ChangeDecisions {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final Set<String> renames;
    private final Set<String> noRenames;
    private final Map<String, String> defaults;
    private final Prompter prompter;
    private final Set<String> usedFlags = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<UndecidedChange> undecided = new ArrayList<>();
    /** Added columns ({@code table.column}) of rename candidates nobody decided. */
    private final Set<String> openRenameTargets = new LinkedHashSet<>();

    private ChangeDecisions(Set<String> renames, Set<String> noRenames, Map<String, String> defaults, Prompter prompter) {
        this.renames = renames;
        this.noRenames = noRenames;
        this.defaults = defaults;
        this.prompter = prompter;
    }

    /**
     * Decisions from flags, and from a console when there is one.
     *
     * @param renames {@code --rename} values: {@code table.old=new} for a column, {@code old=new} for a table
     * @param noRenames {@code --no-rename} values, in the same forms
     * @param defaults {@code --default} values: {@code table.column=value}
     * @param prompter the console, or {@code null} when there is none (CI, a pipe, {@code --no-input})
     * @throws IllegalArgumentException when a value is malformed, or one pair is both renamed and not
     */
    public static ChangeDecisions of(List<String> renames, List<String> noRenames, List<String> defaults, Prompter prompter) {
        Set<String> renameSet = new LinkedHashSet<>();
        for (String r : renames) {
            renameSet.add(pair("--rename", r));
        }
        Set<String> noRenameSet = new LinkedHashSet<>();
        for (String r : noRenames) {
            String key = pair("--no-rename", r);
            if (renameSet.contains(key)) {
                throw new IllegalArgumentException("--rename " + r + " and --no-rename " + r + " contradict each other");
            }
            noRenameSet.add(key);
        }
        Map<String, String> defaultMap = new LinkedHashMap<>();
        for (String d : defaults) {
            int eq = d.indexOf('=');
            String column = eq < 0 ? "" : d.substring(0, eq);
            String[] parts = column.split("\\.", -1);
            if (parts.length != 2 || !NAME.matcher(parts[0]).matches() || !NAME.matcher(parts[1]).matches()) {
                throw new IllegalArgumentException("--default needs TABLE.COLUMN=VALUE, was '" + d + "'");
            }
            defaultMap.put(column, d.substring(eq + 1));
        }
        return new ChangeDecisions(renameSet, noRenameSet, defaultMap, prompter);
    }

    /** No flags and no console: every open question stays undecided. */
    public static ChangeDecisions nonInteractive() {
        return new ChangeDecisions(Set.of(), Set.of(), Map.of(), null);
    }

    private static String pair(String flag, String value) {
        int eq = value.indexOf('=');
        String left = eq < 0 ? "" : value.substring(0, eq);
        String right = eq < 0 ? "" : value.substring(eq + 1);
        String[] parts = left.split("\\.", -1);
        boolean ok = NAME.matcher(right).matches() && parts.length <= 2;
        for (String p : parts) {
            ok &= NAME.matcher(p).matches();
        }
        if (!ok) {
            throw new IllegalArgumentException(flag + " needs TABLE.OLD=NEW (a column) or OLD_TABLE=NEW_TABLE (a table), was '"
                    + value + "'");
        }
        return left + "=" + right;
    }

    /** Whether a flag says this pair is a rename (whatever the types and scores). */
    boolean renamedByFlag(RenameCandidate c) {
        return renames.contains(c.flagValue());
    }

    /** Whether {@code --no-rename} says this pair is a drop and an add, even above the threshold. */
    boolean refusedByFlag(RenameCandidate c) {
        if (noRenames.contains(c.flagValue())) {
            usedFlags.add("--no-rename " + c.flagValue());
            notes.add(subject(c) + ": dropped and added, not renamed (" + c.noRenameFlag() + ")");
            return true;
        }
        return false;
    }

    /** Whether {@code --no-rename} names this pair (without noting it). */
    boolean noRenameFlagged(RenameCandidate c) {
        return noRenames.contains(c.flagValue());
    }

    /** Notes a rename the scores made. */
    void renamedByScore(RenameCandidate c, double threshold) {
        notes.add(subject(c) + String.format(Locale.ROOT, ": renamed (similarity %.2f >= %.2f)", c.confidence(), threshold));
    }

    /** Notes a rename a flag made. */
    void renamedFlagged(RenameCandidate c) {
        usedFlags.add("--rename " + c.flagValue());
        notes.add(subject(c) + ": renamed (" + c.renameFlag() + ")");
    }

    /**
     * Decides a candidate below the threshold: a flag, else the console, else undecided.
     *
     * @return true for a rename, false for a drop and an add, empty when undecided
     */
    Optional<Boolean> decide(RenameCandidate c) {
        if (renamedByFlag(c)) {
            renamedFlagged(c);
            return Optional.of(true);
        }
        if (refusedByFlag(c)) {
            return Optional.of(false);
        }
        if (prompter != null) {
            boolean yes = prompter.confirm(c.question());
            notes.add(subject(c) + (yes ? ": renamed" : ": dropped and added, not renamed") + " (answered on the console)");
            return Optional.of(yes);
        }
        if (c instanceof RenameCandidate.Column col) {
            openRenameTargets.add(col.table() + "." + col.added().name());
        }
        undecided.add(new UndecidedChange(subject(c) + " may be a rename (" + c.question().replaceFirst("^Did you rename ", "")
                .replaceFirst("\\?$", "") + ", similarity "
                + String.format(Locale.ROOT, "%.2f", c.confidence()) + ")", List.of(c.renameFlag(), c.noRenameFlag())));
        return Optional.empty();
    }

    /**
     * The value existing rows get in a NOT NULL column added to an existing table without a default of its own:
     * {@code --default}, else asked, else undecided.
     *
     * @throws IllegalArgumentException when the value given does not fit the column's type
     */
    Optional<ColumnDefault> fillValue(String table, ColumnSchema column) {
        String key = table + "." + column.name();
        String subject = "new NOT NULL column " + key + " (" + column.type().sql() + ")";
        // A column that may yet turn out to be a rename needs no value then: say so, so nobody is asked for both.
        String unlessRenamed = openRenameTargets.contains(key) ? ", unless it is the rename above" : "";
        return settleValue(key, column.type(), subject, "existing rows get",
                "The " + subject + " needs a value for the rows " + table + " already has. Value for existing rows (empty to stop):",
                subject + " needs a value for the rows " + table + " may already have" + unlessRenamed);
    }

    /**
     * A value for rows: from {@code --default key=...}, else asked, else recorded as undecided.
     *
     * @param outcome how a note says what the rows get ("existing rows get")
     * @param question what the console asks
     * @param openDescription how an undecided one is listed
     */
    private Optional<ColumnDefault> settleValue(String key, ColumnType type, String subject, String outcome, String question,
                                                String openDescription) {
        String flagged = defaults.get(key);
        if (flagged != null) {
            usedFlags.add("--default " + key);
            ColumnDefault value = parse(type, flagged, "--default " + key + "=" + flagged);
            notes.add(subject + ": " + outcome + " " + flagged + " (--default " + key + "=" + flagged + ")");
            return Optional.of(value);
        }
        while (prompter != null) {
            Optional<String> typed = prompter.ask(question);
            if (typed.isEmpty() || typed.get().isBlank()) {
                break;
            }
            try {
                ColumnDefault value = parse(type, typed.get().trim(), "the value");
                notes.add(subject + ": " + outcome + " " + typed.get().trim() + " (answered on the console)");
                return Optional.of(value);
            } catch (IllegalArgumentException e) {
                prompter.tell(e.getMessage());
            }
        }
        undecided.add(new UndecidedChange(openDescription + " (or declare @ColumnDefault on the field)",
                List.of("--default " + key + "=VALUE")));
        return Optional.empty();
    }

    /**
     * The value rows holding NULL get in a column that becomes NOT NULL: {@code --default}, else asked, else
     * undecided.
     *
     * @throws IllegalArgumentException when the value given does not fit the column's type
     */
    Optional<ColumnDefault> fillNullValue(String table, ColumnSchema column) {
        String key = table + "." + column.name();
        String subject = "column " + key + " (" + column.type().sql() + ") becoming NOT NULL";
        return settleValue(key, column.type(), subject, "rows where it is NULL get",
                "The " + subject + " needs a value for the rows of " + table + " where it is NULL. Value for them (empty to stop):",
                subject + " needs a value for the rows of " + table + " where it may be NULL");
    }

    /** A typed value for a column: true/false for booleans, a number for numbers, CURRENT_* as expressions, else text. */
    static ColumnDefault parse(ColumnType type, String text, String where) {
        String t = text.trim();
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.equals("CURRENT_TIMESTAMP") || upper.equals("CURRENT_DATE") || upper.equals("CURRENT_TIME")) {
            return new ColumnDefault.Expression(upper);
        }
        if (type.kind() == ColumnType.Kind.BOOLEAN) {
            if (upper.equals("TRUE") || upper.equals("FALSE")) {
                return new ColumnDefault.Literal(Boolean.parseBoolean(t));
            }
            throw new IllegalArgumentException(where + ": a " + type.sql() + " column needs true or false, not '" + text + "'");
        }
        if (type.kind().isInteger() || type.kind() == ColumnType.Kind.DECIMAL || type.kind() == ColumnType.Kind.REAL
                || type.kind() == ColumnType.Kind.DOUBLE) {
            try {
                return new ColumnDefault.Literal(new BigDecimal(t));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": a " + type.sql() + " column needs a number, not '" + text + "'");
            }
        }
        String unquoted = t.length() >= 2 && t.startsWith("'") && t.endsWith("'") ? t.substring(1, t.length() - 1) : text;
        return new ColumnDefault.Literal(unquoted);
    }

    private static String subject(RenameCandidate c) {
        if (c instanceof RenameCandidate.Column col) {
            return col.table() + "." + col.dropped().name() + " -> " + col.table() + "." + col.added().name();
        }
        RenameCandidate.Table t = (RenameCandidate.Table) c;
        return "table " + t.dropped().name() + " -> " + t.created().name();
    }

    /** What was decided and how, one line each, for the written file and the command's output. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The questions nobody answered: while any remains, nothing may be written. */
    public List<UndecidedChange> undecided() {
        return List.copyOf(undecided);
    }

    /** Flags given that matched no candidate or column (likely a typo, or a change already made). */
    public List<String> unusedFlags() {
        List<String> unused = new ArrayList<>();
        renames.stream().map(v -> "--rename " + v).filter(f -> !usedFlags.contains(f)).forEach(unused::add);
        noRenames.stream().map(v -> "--no-rename " + v).filter(f -> !usedFlags.contains(f)).forEach(unused::add);
        defaults.keySet().stream().map(k -> "--default " + k).filter(f -> !usedFlags.contains(f))
                .map(f -> f + "=" + defaults.get(f.substring("--default ".length()))).forEach(unused::add);
        return unused;
    }
}
