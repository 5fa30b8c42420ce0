package dev.covet.migrations.diff;

import dev.covet.migrations.internal.diff.ColumnChanges;
import dev.covet.migrations.internal.diff.NameSimilarity;
import dev.covet.migrations.internal.diff.RenameScore;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Finds renames among drops and adds, so a renamed column keeps its data instead of being dropped and added
 * empty.
 *
 * <h2>The score</h2>
 * A dropped column and an added column of the same table are a rename when their confidence reaches the
 * similarity threshold (default 0.80):
 * <pre>
 *   confidence = 0.7 * name + 0.2 * type + 0.1 * constraints
 * </pre>
 * <ul>
 *   <li>{@code name} is {@link NameSimilarity#score}: the best of normalized Levenshtein similarity and a
 *       containment score (0.90 when the shorter name is whole snake_case words of the longer one,
 *       {@code email -> email_address}; 0.85 for a plain prefix or suffix, {@code name -> username}), counted only
 *       when the contained part has at least 3 characters or half the longer name, so {@code id} inside
 *       {@code user_identifier} is no evidence. Levenshtein alone scores {@code name -> username} 0.5, which is
 *       why containment is needed.</li>
 *   <li>{@code type} is {@link RenameScore#type}: 1 same type, 0.8 same kind resized, 0.6 same family, 0 else.</li>
 *   <li>{@code constraints} is the share of nullable, unique, primary-key and auto-increment flags that agree.</li>
 * </ul>
 * With matching types and constraints this gives {@code name -> username} 0.895, {@code email -> email_address}
 * and {@code created -> created_at} 0.93 (renames at 0.80), {@code status -> state} 0.767 (a rename only once
 * the threshold is lowered to 0.70) and {@code id -> user_identifier} 0.39 (never).
 *
 * <p>Hard checks come on top: with {@code requireTypeMatch} the types must be equal, and the names' lengths may
 * differ by at most {@code maxLengthDiff} characters. Pairing is one-to-one: all passing pairs are ranked by
 * confidence and taken best first, so a dropped column is renamed to at most one added column.
 *
 * <p>Tables: a dropped and a created table are a rename when {@code 0.3 * name + 0.7 * columnOverlap} (at least 0.85 when four or more columns all match) reaches
 * the threshold, where the column overlap ({@link RenameScore#columnOverlap}: columns of compatible type with the
 * same or a very similar name, over the larger column count) must be at least 0.75: a renamed entity keeps
 * (most of) its columns.
 *
 * <p>Manual renames ({@link #addManualRename}, {@link #addManualTableRename}) always win and apply even with
 * detection disabled. {@link #getStats()} counts renames (manual ones included) and prevented false positives:
 * pairs whose names alone would have passed ({@code 0.7 * name + 0.3 >= threshold}) but which were rejected by
 * the type, constraint or length checks or lost to a better pair.
 *
 * <p>Not thread-safe: one detector per diff.
 */
public final class RenameDetector {

    /** Default similarity threshold, as in the seed. */
    public static final double DEFAULT_THRESHOLD = 0.80;
    /** Default largest difference in name length, in characters. */
    public static final int DEFAULT_MAX_LENGTH_DIFF = 10;

    // Scores are sums of doubles: 0.7 * 0.85 + 0.3 must not miss 0.895 by a rounding error.
    private static final double EPSILON = 1e-9;

    private final double similarityThreshold;
    private final boolean requireTypeMatch;
    private final int maxLengthDiff;
    private final boolean enableDetection;
    private final List<ManualColumnRename> manualColumns = new ArrayList<>();
    private final Map<String, String> manualTables = new LinkedHashMap<>();
    private int renamesDetected;
    private int falsePositivesPrevented;
    /** Null: candidates below the threshold are dropped and added, as before decisions existed (the library API). */
    private ChangeDecisions decisions;

    private record ManualColumnRename(String table, String oldName, String newName) {
    }

    /** A pair being considered: indexes into the dropped and added lists. */
    private record Candidate(int dropped, int added, double confidence) {
    }

    /** Threshold 0.80, types may change, names may differ by 10 characters, detection on. */
    public RenameDetector() {
        this(DEFAULT_THRESHOLD, false, DEFAULT_MAX_LENGTH_DIFF, true);
    }

    /**
     * @param similarityThreshold the confidence a pair needs to be a rename, between 0 and 1
     * @param requireTypeMatch whether a renamed column must keep its exact type
     * @param maxLengthDiff the largest difference in length, in characters, between a column's old and new name
     * @param enableDetection whether to detect renames at all (manual renames apply regardless)
     */
    public RenameDetector(double similarityThreshold, boolean requireTypeMatch, int maxLengthDiff, boolean enableDetection) {
        if (similarityThreshold < 0 || similarityThreshold > 1 || Double.isNaN(similarityThreshold)) {
            throw new IllegalArgumentException("similarityThreshold must be between 0 and 1, not " + similarityThreshold);
        }
        if (maxLengthDiff < 0) {
            throw new IllegalArgumentException("maxLengthDiff must not be negative, not " + maxLengthDiff);
        }
        this.similarityThreshold = similarityThreshold;
        this.requireTypeMatch = requireTypeMatch;
        this.maxLengthDiff = maxLengthDiff;
        this.enableDetection = enableDetection;
    }

    /**
     * Declares that {@code oldName} of {@code table} was renamed to {@code newName}, whatever the scores say.
     * {@code table} may be the table's old or new name when the table is renamed too.
     */
    public RenameDetector addManualRename(String table, String oldName, String newName) {
        manualColumns.add(new ManualColumnRename(Objects.requireNonNull(table, "table"),
                Objects.requireNonNull(oldName, "oldName"), Objects.requireNonNull(newName, "newName")));
        return this;
    }

    /** Declares that table {@code oldName} was renamed to {@code newName}, whatever the scores say. */
    public RenameDetector addManualTableRename(String oldName, String newName) {
        manualTables.put(Objects.requireNonNull(oldName, "oldName"), Objects.requireNonNull(newName, "newName"));
        return this;
    }

    /**
     * Settles candidates below the threshold through {@code decisions} (flags, the console, or left undecided)
     * instead of treating them as a drop and an add; also lets {@code --no-rename} overrule a rename the scores
     * made. This is what {@code makemigrations} uses: it never guesses a destructive change.
     */
    public RenameDetector decideWith(ChangeDecisions decisions) {
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        return this;
    }

    /** The decisions in use, or {@code null} when candidates below the threshold are simply not renames. */
    public ChangeDecisions decisions() {
        return decisions;
    }

    /** Renames detected and false positives prevented so far. */
    public RenameStats getStats() {
        return new RenameStats(renamesDetected, falsePositivesPrevented);
    }

    /** Sets the counters back to zero. */
    public void resetStats() {
        renamesDetected = 0;
        falsePositivesPrevented = 0;
    }

    /**
     * The renames among the dropped and added columns of one table.
     *
     * @param oldTable the table's name before any table rename (for manual renames given by the old name)
     * @param table the table's name now
     * @param dropped columns that exist only in the old schema
     * @param added columns that exist only in the new schema
     */
    public List<ColumnRename> matchColumns(String oldTable, String table, List<ColumnSchema> dropped, List<ColumnSchema> added) {
        List<ColumnRename> renames = new ArrayList<>();
        Set<Integer> usedDropped = new HashSet<>();
        Set<Integer> usedAdded = new HashSet<>();
        for (ManualColumnRename m : manualColumns) {
            if (!m.table().equals(table) && !m.table().equals(oldTable)) {
                continue;
            }
            int d = indexOfColumn(dropped, m.oldName());
            int a = indexOfColumn(added, m.newName());
            if (d >= 0 && a >= 0 && !usedDropped.contains(d) && !usedAdded.contains(a)) {
                usedDropped.add(d);
                usedAdded.add(a);
                renames.add(new ColumnRename(table, m.oldName(), m.newName(), 1.0, true));
            }
        }
        Set<Long> refused = new HashSet<>();
        if (decisions != null) {
            for (Candidate c : flagged(dropped.size(), added.size(), usedDropped, usedAdded, refused,
                    (d, a) -> flaggedAs(oldTable, table, dropped.get(d), added.get(a)))) {
                renames.add(new ColumnRename(table, dropped.get(c.dropped()).name(), added.get(c.added()).name(), 1.0, true));
            }
        }
        if (enableDetection) {
            List<Candidate> passing = new ArrayList<>();
            List<Candidate> plausible = new ArrayList<>();
            // Every pair is scored: lower-case each name once and compute each pair's name similarity once.
            List<String> droppedNames = dropped.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            List<String> addedNames = added.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            for (int d = 0; d < dropped.size(); d++) {
                if (usedDropped.contains(d)) {
                    continue;
                }
                ColumnSchema old = dropped.get(d);
                for (int a = 0; a < added.size(); a++) {
                    if (usedAdded.contains(a)) {
                        continue;
                    }
                    ColumnSchema neu = added.get(a);
                    double name = NameSimilarity.scoreOfLowerCase(droppedNames.get(d), addedNames.get(a));
                    if (!passes(RenameScore.columnNameOnly(name))) {
                        // Not even a perfect type and constraint match would pass: neither plausible nor passing.
                        continue;
                    }
                    Candidate c = new Candidate(d, a, RenameScore.column(old, neu, name));
                    plausible.add(c);
                    if (passes(c.confidence()) && passesHardChecks(old, neu) && !refused.contains(pairKey(c))) {
                        passing.add(c);
                    }
                }
            }
            List<Candidate> chosen = pairBestFirst(passing, usedDropped, usedAdded);
            // Reported in the old columns' order, so generated files read like the table.
            chosen.sort(Comparator.comparingInt(Candidate::dropped));
            for (Candidate c : chosen) {
                renames.add(new ColumnRename(table, dropped.get(c.dropped()).name(), added.get(c.added()).name(),
                        c.confidence(), false));
                if (decisions != null) {
                    decisions.renamedByScore(new RenameCandidate.Column(table, dropped.get(c.dropped()),
                            added.get(c.added()), c.confidence()), similarityThreshold);
                }
            }
            Set<Long> chosenPairs = new HashSet<>();
            chosen.forEach(c -> chosenPairs.add(pairKey(c)));
            falsePositivesPrevented += (int) plausible.stream().filter(p -> !chosenPairs.contains(pairKey(p))).count();
        }
        if (decisions != null) {
            decideColumnCandidates(table, dropped, added, usedDropped, usedAdded, refused, renames);
        }
        renamesDetected += renames.size();
        return renames;
    }

    /**
     * {@code --rename} pairs become renames whatever their types and scores, one-to-one; {@code --no-rename} pairs are
     * kept out of everything after (their keys go into {@code refused}).
     *
     * @return the pairs a flag renamed
     */
    private List<Candidate> flagged(int droppedCount, int addedCount, Set<Integer> usedDropped, Set<Integer> usedAdded,
                                    Set<Long> refused, BiFunction<Integer, Integer, RenameCandidate> describe) {
        List<Candidate> renamed = new ArrayList<>();
        for (int d = 0; d < droppedCount; d++) {
            for (int a = 0; a < addedCount; a++) {
                if (usedDropped.contains(d) || usedAdded.contains(a)) {
                    continue;
                }
                RenameCandidate c = describe.apply(d, a);
                if (decisions.renamedByFlag(c)) {
                    decisions.renamedFlagged(c);
                    usedDropped.add(d);
                    usedAdded.add(a);
                    renamed.add(new Candidate(d, a, 1.0));
                } else if (decisions.refusedByFlag(c)) {
                    refused.add(pairKey(d, a));
                }
            }
        }
        return renamed;
    }

    /** The candidate named as the flags name it: by the table's new name, or by its old one when a flag uses that. */
    private RenameCandidate.Column flaggedAs(String oldTable, String table, ColumnSchema old, ColumnSchema neu) {
        double confidence = RenameScore.column(old, neu);
        RenameCandidate.Column byNew = new RenameCandidate.Column(table, old, neu, confidence);
        RenameCandidate.Column byOld = new RenameCandidate.Column(oldTable, old, neu, confidence);
        if (!oldTable.equals(table) && (decisions.renamedByFlag(byOld) || decisions.noRenameFlagged(byOld))) {
            return byOld;
        }
        return byNew;
    }

    /**
     * Dropped and added columns left over with compatible types are candidates whatever their names: each is
     * decided (a flag, the console, or left undecided), most likely pair first.
     */
    private void decideColumnCandidates(String table, List<ColumnSchema> dropped, List<ColumnSchema> added,
                                        Set<Integer> usedDropped, Set<Integer> usedAdded, Set<Long> refused,
                                        List<ColumnRename> renames) {
        List<Candidate> open = new ArrayList<>();
        for (int d = 0; d < dropped.size(); d++) {
            for (int a = 0; a < added.size(); a++) {
                ColumnSchema old = dropped.get(d);
                ColumnSchema neu = added.get(a);
                if (!usedDropped.contains(d) && !usedAdded.contains(a) && compatible(old, neu)
                        && !refused.contains(pairKey(d, a))) {
                    open.add(new Candidate(d, a, RenameScore.column(old, neu)));
                }
            }
        }
        for (Candidate c : decideBestFirst(open, usedDropped, usedAdded, c -> new RenameCandidate.Column(table,
                dropped.get(c.dropped()), added.get(c.added()), c.confidence()))) {
            renames.add(new ColumnRename(table, dropped.get(c.dropped()).name(), added.get(c.added()).name(), c.confidence(), true));
        }
    }

    /** Types a rename may carry data across: the same type, or one family (integers, text, numbers, date-times). */
    private boolean compatible(ColumnSchema old, ColumnSchema neu) {
        if (requireTypeMatch) {
            return old.type().equals(neu.type());
        }
        return RenameScore.compatible(old.type(), neu.type());
    }

    private static long pairKey(Candidate c) {
        return pairKey(c.dropped(), c.added());
    }

    private static long pairKey(int dropped, int added) {
        return ((long) dropped << 32) | added;
    }

    /** The renames among dropped and created tables. */
    public List<TableRename> matchTables(Collection<TableSchema> droppedTables, Collection<TableSchema> createdTables) {
        return matchTables(droppedTables, createdTables, Map.of());
    }

    /**
     * The renames among dropped and created tables.
     *
     * @param redirected evidence from foreign keys, by {@code old=new} pair: keys that referenced the dropped table
     *        now reference the created one (see {@link ForeignKeyRedirects})
     */
    public List<TableRename> matchTables(Collection<TableSchema> droppedTables, Collection<TableSchema> createdTables,
                                         Map<String, String> redirected) {
        List<TableSchema> dropped = List.copyOf(droppedTables);
        List<TableSchema> created = List.copyOf(createdTables);
        List<TableRename> renames = new ArrayList<>();
        Set<Integer> usedDropped = new HashSet<>();
        Set<Integer> usedCreated = new HashSet<>();
        for (Map.Entry<String, String> m : manualTables.entrySet()) {
            int d = indexOfTable(dropped, m.getKey());
            int c = indexOfTable(created, m.getValue());
            if (d >= 0 && c >= 0 && !usedDropped.contains(d) && !usedCreated.contains(c)) {
                usedDropped.add(d);
                usedCreated.add(c);
                renames.add(new TableRename(m.getKey(), m.getValue(), 1.0, true));
            }
        }
        Set<Long> refused = new HashSet<>();
        if (decisions != null) {
            for (Candidate c : flagged(dropped.size(), created.size(), usedDropped, usedCreated, refused,
                    (d, a) -> tableCandidate(dropped.get(d), created.get(a), redirected))) {
                renames.add(new TableRename(dropped.get(c.dropped()).name(), created.get(c.added()).name(), 1.0, true));
            }
        }
        if (enableDetection) {
            List<Candidate> passing = new ArrayList<>();
            List<Candidate> plausible = new ArrayList<>();
            for (int d = 0; d < dropped.size(); d++) {
                for (int c = 0; c < created.size(); c++) {
                    if (usedDropped.contains(d) || usedCreated.contains(c)) {
                        continue;
                    }
                    Candidate candidate = new Candidate(d, c, RenameScore.table(dropped.get(d), created.get(c)));
                    if (passes(RenameScore.tableNameOnly(dropped.get(d), created.get(c)))) {
                        plausible.add(candidate);
                    }
                    if (passes(candidate.confidence()) && !refused.contains(pairKey(candidate))) {
                        passing.add(candidate);
                    }
                }
            }
            List<Candidate> chosen = pairBestFirst(passing, usedDropped, usedCreated);
            for (Candidate c : chosen) {
                renames.add(new TableRename(dropped.get(c.dropped()).name(), created.get(c.added()).name(), c.confidence(), false));
                if (decisions != null) {
                    decisions.renamedByScore(tableCandidate(dropped.get(c.dropped()), created.get(c.added()), redirected),
                            similarityThreshold);
                }
            }
            Set<Long> chosenPairs = new HashSet<>();
            chosen.forEach(c -> chosenPairs.add(pairKey(c)));
            falsePositivesPrevented += (int) plausible.stream().filter(p -> !chosenPairs.contains(pairKey(p))).count();
        }
        if (decisions != null) {
            decideTableCandidates(dropped, created, redirected, usedDropped, usedCreated, refused, renames);
        }
        renamesDetected += renames.size();
        return renames;
    }

    /**
     * Left-over dropped and created tables with the same columns (names and compatible types), or that foreign keys
     * moved from one to the other, are candidates whatever their names: each is decided, most likely first.
     */
    private void decideTableCandidates(List<TableSchema> dropped, List<TableSchema> created, Map<String, String> redirected,
                                       Set<Integer> usedDropped, Set<Integer> usedCreated, Set<Long> refused,
                                       List<TableRename> renames) {
        List<Candidate> open = new ArrayList<>();
        for (int d = 0; d < dropped.size(); d++) {
            for (int c = 0; c < created.size(); c++) {
                if (usedDropped.contains(d) || usedCreated.contains(c) || refused.contains(pairKey(d, c))) {
                    continue;
                }
                TableSchema old = dropped.get(d);
                TableSchema neu = created.get(c);
                if (sameColumns(old, neu) || redirected.containsKey(old.name() + "=" + neu.name())) {
                    open.add(new Candidate(d, c, RenameScore.table(old, neu)));
                }
            }
        }
        for (Candidate c : decideBestFirst(open, usedDropped, usedCreated,
                c -> tableCandidate(dropped.get(c.dropped()), created.get(c.added()), redirected))) {
            renames.add(new TableRename(dropped.get(c.dropped()).name(), created.get(c.added()).name(), c.confidence(), true));
        }
    }

    /**
     * Asks about each open candidate, most likely first, skipping those whose column or table a yes already took:
     * one-to-one, as the scored renames are.
     *
     * @return the candidates decided to be renames
     */
    private List<Candidate> decideBestFirst(List<Candidate> open, Set<Integer> usedDropped, Set<Integer> usedAdded,
                                            Function<Candidate, RenameCandidate> describe) {
        List<Candidate> sorted = new ArrayList<>(open);
        sorted.sort(Comparator.comparingDouble(Candidate::confidence).reversed()
                .thenComparingInt(Candidate::dropped).thenComparingInt(Candidate::added));
        List<Candidate> renamed = new ArrayList<>();
        for (Candidate c : sorted) {
            if (!usedDropped.contains(c.dropped()) && !usedAdded.contains(c.added())
                    && decisions.decide(describe.apply(c)).orElse(false)) {
                usedDropped.add(c.dropped());
                usedAdded.add(c.added());
                renamed.add(c);
            }
        }
        return renamed;
    }

    private static RenameCandidate.Table tableCandidate(TableSchema old, TableSchema neu, Map<String, String> redirected) {
        String fk = redirected.get(old.name() + "=" + neu.name());
        String evidence = sameColumns(old, neu) ? "the same " + old.columns().size() + " column(s)" : null;
        if (fk != null) {
            evidence = evidence == null ? fk : evidence + "; " + fk;
        }
        return new RenameCandidate.Table(old, neu, RenameScore.table(old, neu),
                evidence == null ? String.format(Locale.ROOT, "%.0f%% of the columns alike", RenameScore.columnOverlap(old, neu) * 100)
                        : evidence);
    }

    /** The same column names, each with a compatible type (a renamed entity keeps its fields). */
    static boolean sameColumns(TableSchema a, TableSchema b) {
        if (a.columns().size() != b.columns().size() || a.columns().isEmpty()) {
            return false;
        }
        for (ColumnSchema c : a.columns()) {
            ColumnSchema other = b.column(c.name()).orElse(null);
            if (other == null || !RenameScore.compatible(c.type(), other.type())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rewrites DROP_COLUMN + ADD_COLUMN pairs of a table, and DROP_TABLE + CREATE_TABLE pairs, that are renames
     * into RENAME_COLUMN (then ALTER_COLUMN when the definition changed too) and RENAME_TABLE (then whatever else
     * changed in the table). The rename takes the place of the earlier of the two operations, the follow-up
     * changes the place of the later one. Drops without a {@code previous} definition cannot be scored and are
     * left alone; use {@link #detectRenames(List, SchemaState)} to look them up.
     */
    public List<Operation> detectRenames(List<Operation> operations) {
        return detectRenames(operations, SchemaState.empty());
    }

    /**
     * As {@link #detectRenames(List)}, taking the definitions of dropped columns and tables from {@code from}
     * (the schema the operations apply to) when the drops do not carry them.
     */
    public List<Operation> detectRenames(List<Operation> operations, SchemaState from) {
        List<List<Operation>> slots = new ArrayList<>();
        operations.forEach(op -> slots.add(new ArrayList<>(List.of(op))));
        rewriteTableRenames(operations, from, slots);
        rewriteColumnRenames(operations, from, slots);
        List<Operation> result = new ArrayList<>();
        slots.forEach(result::addAll);
        return result;
    }

    private void rewriteColumnRenames(List<Operation> operations, SchemaState from, List<List<Operation>> slots) {
        Map<String, List<Integer>> drops = new LinkedHashMap<>();
        Map<String, List<Integer>> adds = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            if (op instanceof DropColumn dc && droppedColumn(dc, from) != null) {
                drops.computeIfAbsent(dc.table(), k -> new ArrayList<>()).add(i);
            } else if (op instanceof AddColumn ac) {
                adds.computeIfAbsent(ac.table(), k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> e : drops.entrySet()) {
            List<Integer> addIndexes = adds.getOrDefault(e.getKey(), List.of());
            if (addIndexes.isEmpty()) {
                continue;
            }
            List<ColumnSchema> dropped = e.getValue().stream()
                    .map(i -> droppedColumn((DropColumn) operations.get(i), from)).toList();
            List<ColumnSchema> added = addIndexes.stream().map(i -> ((AddColumn) operations.get(i)).column()).toList();
            for (ColumnRename r : matchColumns(e.getKey(), e.getKey(), dropped, added)) {
                int d = e.getValue().get(indexOfColumn(dropped, r.oldName()));
                int a = addIndexes.get(indexOfColumn(added, r.newName()));
                ColumnSchema before = droppedColumn((DropColumn) operations.get(d), from).withName(r.newName());
                ColumnSchema after = ((AddColumn) operations.get(a)).column();
                slots.get(d).clear();
                slots.get(a).clear();
                slots.get(Math.min(d, a)).add(new RenameColumn(e.getKey(), r.oldName(), r.newName()));
                if (!ColumnChanges.sameDefinition(before, after)) {
                    slots.get(Math.max(d, a)).add(new AlterColumn(e.getKey(), after, before));
                }
            }
        }
    }

    private void rewriteTableRenames(List<Operation> operations, SchemaState from, List<List<Operation>> slots) {
        Map<String, Integer> dropIndex = new LinkedHashMap<>();
        Map<String, TableSchema> droppedTables = new LinkedHashMap<>();
        Map<String, Integer> createIndex = new LinkedHashMap<>();
        Map<String, TableSchema> createdTables = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            if (op instanceof DropTable dt) {
                TableSchema definition = dt.previous() != null ? dt.previous() : from.table(dt.table()).orElse(null);
                if (definition != null) {
                    dropIndex.put(dt.table(), i);
                    droppedTables.put(dt.table(), definition);
                }
            } else if (op instanceof CreateTable ct) {
                createIndex.put(ct.table().name(), i);
                createdTables.put(ct.table().name(), ct.table());
            }
        }
        if (droppedTables.isEmpty() || createdTables.isEmpty()) {
            return;
        }
        for (TableRename r : matchTables(droppedTables.values(), createdTables.values())) {
            int d = dropIndex.get(r.oldName());
            int c = createIndex.get(r.newName());
            slots.get(d).clear();
            slots.get(c).clear();
            slots.get(Math.min(d, c)).add(new RenameTable(r.oldName(), r.newName()));
            // What else changed in the table is an ordinary diff of the renamed table against the new one.
            TableSchema renamed = droppedTables.get(r.oldName()).withName(r.newName());
            slots.get(Math.max(d, c)).addAll(new DiffEngine(this).generateDiff(
                    SchemaState.of(List.of(renamed)), SchemaState.of(List.of(createdTables.get(r.newName())))));
        }
    }

    private static ColumnSchema droppedColumn(DropColumn dc, SchemaState from) {
        return dc.previous() != null ? dc.previous()
                : from.table(dc.table()).flatMap(t -> t.column(dc.column())).orElse(null);
    }

    private boolean passes(double confidence) {
        return confidence + EPSILON >= similarityThreshold;
    }

    private boolean passesHardChecks(ColumnSchema old, ColumnSchema neu) {
        if (requireTypeMatch && !old.type().equals(neu.type())) {
            return false;
        }
        return Math.abs(old.name().length() - neu.name().length()) <= maxLengthDiff;
    }

    /** Greedy one-to-one matching, best confidence first; ties go to the earlier dropped, then added, item. */
    private static List<Candidate> pairBestFirst(List<Candidate> candidates, Set<Integer> usedDropped, Set<Integer> usedAdded) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Candidate::confidence).reversed()
                .thenComparingInt(Candidate::dropped).thenComparingInt(Candidate::added));
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : sorted) {
            if (usedDropped.add(c.dropped())) {
                if (usedAdded.add(c.added())) {
                    chosen.add(c);
                } else {
                    usedDropped.remove(c.dropped());
                }
            }
        }
        return chosen;
    }

    private static int indexOfColumn(List<ColumnSchema> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfTable(List<TableSchema> tables, String name) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
