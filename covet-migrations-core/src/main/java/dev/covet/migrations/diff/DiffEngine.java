package dev.covet.migrations.diff;

import dev.covet.migrations.internal.diff.ColumnChanges;
import dev.covet.migrations.internal.diff.ExistingUniqueKeys;
import dev.covet.migrations.internal.diff.ForeignKeyRedirects;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.DropIndex;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Computes the operations that turn one schema into another: the heart of {@code makemigrations}, which diffs
 * the schema the existing migrations project against the one the JPA entities describe.
 *
 * <p>The operations come in an order every database accepts:
 * <ol>
 *   <li>renames (tables, then columns), found by the {@link RenameDetector}. They go first because a rename's
 *       target name never exists yet (it is a name only the new schema has), and everything after can then speak
 *       in final names only;</li>
 *   <li>foreign keys that are removed or changed, or that touch a column whose type changes, or that would
 *       stand in the way of dropping tables that reference each other in a cycle;</li>
 *   <li>indexes and constraints that are removed or changed (a changed one is dropped and added back);</li>
 *   <li>columns, then tables (referencing tables before the tables they reference);</li>
 *   <li>new tables, referenced tables first; a foreign key goes into CREATE TABLE when its target exists by
 *       then, else it is added at the end;</li>
 *   <li>new columns, then changed columns;</li>
 *   <li>new and changed indexes, constraints, then foreign keys (which may need those indexes).</li>
 * </ol>
 * Every drop carries the definition it drops ({@code previous}) as the schema stands at that point, so the
 * operations can be reversed without the original schema. The order of columns and of indexes, keys and
 * constraints within a table is not diffed (no operation reorders them): added items go at the end.
 *
 * <p>A column wanted {@code unique} that already has a single-column unique key under another name keeps that key
 * (see {@link ExistingUniqueKeys}).
 *
 * <p>A change in the primary key of existing columns has no operation: it raises
 * {@link UnsupportedSchemaChangeException}.
 */
public final class DiffEngine {

    private final RenameDetector renameDetector;

    /** An engine with a default {@link RenameDetector}. */
    public DiffEngine() {
        this(new RenameDetector());
    }

    /** An engine that finds renames with the given detector (pass one with detection disabled to get none). */
    public DiffEngine(RenameDetector renameDetector) {
        this.renameDetector = Objects.requireNonNull(renameDetector, "renameDetector");
    }

    /**
     * The operations that turn {@code from} into {@code to}; empty when they are equal.
     *
     * @throws UnsupportedSchemaChangeException for a change no operation can make (a new primary key on existing columns)
     */
    public List<Operation> generateDiff(SchemaState from, SchemaState to) {
        Plan plan = new Plan(from);
        Map<String, String> oldTableNames = renameTables(plan, to);
        renameColumns(plan, to, oldTableNames);
        new Changes(plan, ExistingUniqueKeys.keep(plan.state, to), renameDetector.decisions()).emit();
        return List.copyOf(plan.operations);
    }

    private Map<String, String> renameTables(Plan plan, SchemaState to) {
        List<TableSchema> dropped = plan.state.tables().values().stream().filter(t -> !to.hasTable(t.name())).toList();
        List<TableSchema> created = to.tables().values().stream().filter(t -> !plan.state.hasTable(t.name())).toList();
        Map<String, String> oldNames = new HashMap<>();
        if (dropped.isEmpty() || created.isEmpty()) {
            return oldNames;
        }
        for (TableRename r : renameDetector.matchTables(dropped, created, ForeignKeyRedirects.between(plan.state, to))) {
            plan.add(new RenameTable(r.oldName(), r.newName()));
            oldNames.put(r.newName(), r.oldName());
        }
        return oldNames;
    }

    private void renameColumns(Plan plan, SchemaState to, Map<String, String> oldTableNames) {
        for (TableSchema target : to.tables().values()) {
            TableSchema current = plan.state.table(target.name()).orElse(null);
            if (current == null) {
                continue;
            }
            List<ColumnSchema> dropped = current.columns().stream().filter(c -> target.column(c.name()).isEmpty()).toList();
            List<ColumnSchema> added = target.columns().stream().filter(c -> current.column(c.name()).isEmpty()).toList();
            if (dropped.isEmpty() || added.isEmpty()) {
                continue;
            }
            String oldName = oldTableNames.getOrDefault(target.name(), target.name());
            List<ColumnRename> renames = renameDetector.matchColumns(oldName, target.name(), dropped, added);
            if (!renames.isEmpty()) {
                dropChecksThatGo(plan, current, target);
            }
            for (ColumnRename r : renames) {
                plan.add(new RenameColumn(target.name(), r.oldName(), r.newName()));
            }
        }
    }

    /**
     * CHECK constraints the target does not keep are dropped before the table's column renames, not after: MySQL
     * 8 refuses to rename a column a CHECK names, and a rollback then re-adds the old check after the rename is
     * undone, when the columns its expression names exist again.
     */
    private static void dropChecksThatGo(Plan plan, TableSchema current, TableSchema target) {
        for (ConstraintSchema c : current.constraints()) {
            if (c.kind() == ConstraintSchema.Kind.CHECK && !target.constraints().contains(c)) {
                plan.add(new DropConstraint(current.name(), c.name(), c));
            }
        }
    }

    /** The operations so far and the schema they project, so every drop can name what it drops. */
    private static final class Plan {
        final List<Operation> operations = new ArrayList<>();
        SchemaState state;

        Plan(SchemaState from) {
            this.state = from;
        }

        void add(Operation op) {
            state = op.applyTo(state);
            operations.add(op);
        }
    }

    /** Everything but renames, between the renamed {@code from} (the plan's state) and {@code to}. */
    private static final class Changes {
        private final Plan plan;
        private final SchemaState to;
        private final SchemaState start;
        private final List<TableSchema> common = new ArrayList<>();
        private final List<TableSchema> droppedTables = new ArrayList<>();
        private final List<TableSchema> createdTables = new ArrayList<>();
        /** Columns, by table, whose type changes: foreign keys on them are dropped and added back around it. */
        private final Map<String, Set<String>> retyped = new HashMap<>();
        /** Foreign keys of new tables whose targets did not exist when the table was created. */
        private final List<AddForeignKey> laterForeignKeys = new ArrayList<>();
        /** Where the value for existing rows of a new NOT NULL column comes from; null: none is asked for. */
        private final ChangeDecisions decisions;

        Changes(Plan plan, SchemaState to, ChangeDecisions decisions) {
            this.plan = plan;
            this.to = to;
            this.decisions = decisions;
            this.start = plan.state;
            for (TableSchema t : start.tables().values()) {
                if (to.hasTable(t.name())) {
                    common.add(t);
                } else {
                    droppedTables.add(t);
                }
            }
            to.tables().values().stream().filter(t -> !start.hasTable(t.name())).forEach(createdTables::add);
            for (TableSchema t : common) {
                TableSchema target = to.requireTable(t.name());
                checkPrimaryKey(t, target);
                for (ColumnSchema c : t.columns()) {
                    target.column(c.name()).filter(n -> ColumnChanges.typeChanged(c, n))
                            .ifPresent(n -> retyped.computeIfAbsent(t.name(), k -> new HashSet<>()).add(c.name()));
                }
            }
        }

        void emit() {
            dropForeignKeys();
            for (TableSchema t : common) {
                TableSchema target = to.requireTable(t.name());
                for (IndexSchema i : t.indexes()) {
                    if (!target.indexes().contains(i)) {
                        plan.add(new DropIndex(t.name(), i.name(), i));
                    }
                }
                for (ConstraintSchema c : t.constraints()) {
                    if (!target.constraints().contains(c)) {
                        plan.add(new DropConstraint(t.name(), c.name(), c));
                    }
                }
            }
            for (TableSchema t : common) {
                TableSchema target = to.requireTable(t.name());
                for (ColumnSchema c : t.columns()) {
                    if (target.column(c.name()).isEmpty()) {
                        plan.add(new DropColumn(t.name(), c.name(), currentColumn(t.name(), c.name())));
                    }
                }
            }
            dropTables();
            createTables();
            for (TableSchema t : common) {
                TableSchema current = plan.state.requireTable(t.name());
                for (ColumnSchema c : to.requireTable(t.name()).columns()) {
                    if (current.column(c.name()).isEmpty()) {
                        plan.add(new AddColumn(t.name(), c, fillValue(t.name(), c)));
                    }
                }
            }
            for (TableSchema t : common) {
                for (ColumnSchema c : to.requireTable(t.name()).columns()) {
                    ColumnSchema old = t.column(c.name()).orElse(null);
                    if (old != null && !ColumnChanges.sameDefinition(old, c)) {
                        plan.add(new AlterColumn(t.name(), c, currentColumn(t.name(), c.name()), fillNullValue(t.name(), old, c)));
                    }
                }
            }
            for (TableSchema t : common) {
                TableSchema current = plan.state.requireTable(t.name());
                for (IndexSchema i : to.requireTable(t.name()).indexes()) {
                    if (current.index(i.name()).isEmpty()) {
                        plan.add(new AddIndex(t.name(), i));
                    }
                }
                for (ConstraintSchema c : to.requireTable(t.name()).constraints()) {
                    if (current.constraint(c.name()).isEmpty()) {
                        plan.add(new AddConstraint(t.name(), c));
                    }
                }
            }
            for (TableSchema t : common) {
                TableSchema current = plan.state.requireTable(t.name());
                for (ForeignKeySchema f : to.requireTable(t.name()).foreignKeys()) {
                    if (current.foreignKey(f.name()).isEmpty()) {
                        plan.add(new AddForeignKey(t.name(), f));
                    }
                }
            }
            laterForeignKeys.forEach(plan::add);
        }

        /**
         * A NOT NULL column without a default, added to a table that exists (and so may hold rows), needs a value
         * for those rows: no database accepts it otherwise once the table has any. Identity and key columns fill
         * themselves.
         */
        private ColumnDefault fillValue(String table, ColumnSchema c) {
            if (decisions == null || c.nullable() || c.defaultValue() != null || c.autoIncrement() || c.primaryKey()) {
                return null;
            }
            return decisions.fillValue(table, c).orElse(null);
        }

        /**
         * A column that becomes NOT NULL needs a value for the rows where it is NULL (the ALTER fails on the first
         * such row otherwise): asked as for a new column, unless the column gets a default of its own.
         */
        private ColumnDefault fillNullValue(String table, ColumnSchema old, ColumnSchema c) {
            if (decisions == null || !old.nullable() || c.nullable() || c.primaryKey() || c.autoIncrement()) {
                return null;
            }
            if (c.defaultValue() != null) {
                return c.defaultValue() instanceof ColumnDefault.Literal ? c.defaultValue() : null;
            }
            return decisions.fillNullValue(table, c).orElse(null);
        }

        private ColumnSchema currentColumn(String table, String column) {
            return plan.state.requireTable(table).column(column).orElseThrow();
        }

        private void checkPrimaryKey(TableSchema current, TableSchema target) {
            List<String> expected = new ArrayList<>();
            current.primaryKey().stream().filter(p -> target.column(p).isPresent()).forEach(expected::add);
            target.columns().stream().filter(c -> c.primaryKey() && current.column(c.name()).isEmpty())
                    .forEach(c -> expected.add(c.name()));
            if (!expected.equals(target.primaryKey())
                    // The same columns in another order (Hibernate's column ordering, applied to the model since Covet
                    // reads it as Hibernate's create does): the existing key stays as it is, no change to make.
                    && !(expected.size() == target.primaryKey().size() && expected.containsAll(target.primaryKey()))) {
                throw new UnsupportedSchemaChangeException("the primary key of table '" + current.name() + "' changes from "
                        + current.primaryKey() + " to " + target.primaryKey()
                        + ": no generated operation does that safely; write this migration by hand (RUN_SQL)");
            }
        }

        /** Foreign keys of kept tables that go or change, or sit on retyped columns; and cycle breakers among dropped tables. */
        private void dropForeignKeys() {
            for (TableSchema t : common) {
                TableSchema target = to.requireTable(t.name());
                for (ForeignKeySchema f : t.foreignKeys()) {
                    if (!target.foreignKeys().contains(f) || touchesRetypedColumn(t.name(), f)) {
                        plan.add(new DropForeignKey(t.name(), f.name(), f));
                    }
                }
            }
            // Dropped tables that reference each other in a cycle: no drop order works until one key goes.
            List<String> order = dropOrder();
            Set<String> dropped = new HashSet<>();
            for (String name : order) {
                TableSchema t = plan.state.requireTable(name);
                for (ForeignKeySchema f : t.foreignKeys()) {
                    // A key pointing at a dropped table that is dropped before this one would block that drop.
                    if (!f.referencedTable().equals(name) && dropped.contains(f.referencedTable())) {
                        plan.add(new DropForeignKey(name, f.name(), f));
                    }
                }
                dropped.add(name);
            }
        }

        private boolean touchesRetypedColumn(String table, ForeignKeySchema f) {
            Set<String> own = retyped.getOrDefault(table, Set.of());
            Set<String> referenced = retyped.getOrDefault(f.referencedTable(), Set.of());
            return f.columns().stream().anyMatch(own::contains) || f.referencedColumns().stream().anyMatch(referenced::contains);
        }

        /**
         * Dropped tables, each before the dropped tables it references; a cycle is broken at the first table of
         * it in schema order ({@link #dropForeignKeys} then drops the keys that close the cycle).
         */
        private List<String> dropOrder() {
            Set<String> remaining = new LinkedHashSet<>();
            droppedTables.forEach(t -> remaining.add(t.name()));
            List<String> order = new ArrayList<>();
            while (!remaining.isEmpty()) {
                String next = remaining.stream().filter(candidate -> remaining.stream()
                        .filter(other -> !other.equals(candidate))
                        .noneMatch(other -> references(other, candidate))).findFirst()
                        .orElse(remaining.iterator().next());
                order.add(next);
                remaining.remove(next);
            }
            return order;
        }

        private boolean references(String table, String referenced) {
            return start.requireTable(table).foreignKeys().stream().anyMatch(f -> f.referencedTable().equals(referenced));
        }

        private void dropTables() {
            for (String name : dropOrder()) {
                plan.add(new DropTable(name, plan.state.requireTable(name)));
            }
        }

        /**
         * New tables, each after the new tables it references where possible; a foreign key whose target does not
         * exist yet (a cycle, or a column added later) is added after everything else.
         */
        private void createTables() {
            List<TableSchema> remaining = new ArrayList<>(createdTables);
            Set<String> createdNames = new HashSet<>();
            createdTables.forEach(t -> createdNames.add(t.name()));
            while (!remaining.isEmpty()) {
                TableSchema next = remaining.stream().filter(t -> t.foreignKeys().stream()
                        .noneMatch(f -> !f.referencedTable().equals(t.name()) && createdNames.contains(f.referencedTable())
                                && !plan.state.hasTable(f.referencedTable()))).findFirst().orElse(remaining.get(0));
                remaining.remove(next);
                List<ForeignKeySchema> inline = new ArrayList<>();
                for (ForeignKeySchema f : next.foreignKeys()) {
                    if (targetExists(next, f)) {
                        inline.add(f);
                    } else {
                        laterForeignKeys.add(new AddForeignKey(next.name(), f));
                    }
                }
                plan.add(new CreateTable(inline.size() == next.foreignKeys().size() ? next : next.withForeignKeys(inline)));
            }
        }

        private boolean targetExists(TableSchema table, ForeignKeySchema f) {
            TableSchema target = f.referencedTable().equals(table.name()) ? table
                    : plan.state.table(f.referencedTable()).orElse(null);
            return target != null && f.referencedColumns().stream().allMatch(c -> target.column(c).isPresent());
        }
    }
}
