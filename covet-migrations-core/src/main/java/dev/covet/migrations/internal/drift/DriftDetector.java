package dev.covet.migrations.internal.drift;

import dev.covet.migrations.drift.DriftReport;
import dev.covet.migrations.drift.SchemaDrift;
import dev.covet.migrations.Migration;
import dev.covet.migrations.diff.DiffEngine;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.introspect.DatabaseObject;
import dev.covet.migrations.internal.diff.SameTypes;
import dev.covet.migrations.internal.diff.UnmanagedTables;
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
import dev.covet.migrations.operation.RunJava;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.CheckExpressions;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableFilter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Compares the live schema with the schema the applied migrations project. The difference is computed as the
 * operations that would turn the expected schema into the live one (rename detection off: a hand-made change is
 * reported as it is, not guessed at), each described from the database's side. CHECK constraints are compared by
 * name ({@link CheckExpressions}): the databases store their expressions reworded.
 */
public final class DriftDetector {

    private final TableFilter unmanaged;
    private final Dialect dialect;

    /**
     * A detector that ignores unmanaged tables on both sides: neither one the database has and no migration creates,
     * nor one a migration creates and the database differs in or lacks, is drift.
     *
     * @param unmanaged tables other tools own
     * @param dialect the database's dialect, which knows which differently written types make the same column
     */
    public DriftDetector(TableFilter unmanaged, Dialect dialect) {
        this.unmanaged = unmanaged;
        this.dialect = dialect;
    }

    /**
     * Checks for drift.
     *
     * @param applied the applied migrations, in order (to see whether the projection can be trusted)
     * @param expected the schema they project
     * @param live the schema read from the database
     */
    public DriftReport check(List<Migration> applied, SchemaState expected, SchemaState live) {
        return check(applied, expected, live, List::of);
    }

    /**
     * Checks for drift, the objects besides tables too.
     *
     * @param applied the applied migrations, in order (to see whether the projection can be trusted)
     * @param expected the schema they project
     * @param live the schema read from the database
     * @param liveObjects reads the database's other objects; called only when an applied migration declares one
     */
    public DriftReport check(List<Migration> applied, SchemaState expected, SchemaState live,
                             Supplier<List<DatabaseObject>> liveObjects) {
        List<String> raw = applied.stream().filter(DriftDetector::runsRawCode).map(m -> m.id().toString()).toList();
        if (!raw.isEmpty()) {
            return DriftReport.notChecked(raw.size() + " applied migration(s) run SQL or code the projection cannot follow ("
                    + String.join(", ", raw.subList(0, Math.min(3, raw.size()))) + (raw.size() > 3 ? ", ..." : "")
                    + "), so drift is not judged");
        }
        // Hibernate's work tables (SQLite's HT_...) are Hibernate's, made at its every start: no migration makes them.
        UnmanagedTables.Sides sides = UnmanagedTables.forComparison(unmanaged,
                ForeignKeyActions.asStoredBy(dialect, expected), HibernateWorkTables.without(live));
        SchemaState database = SameTypes.keepWritten(sides.from(), CheckExpressions.alignedTo(sides.from(), sides.to()), dialect);
        List<Operation> changes = new DiffEngine(new RenameDetector(0.8, false, 10, false))
                .generateDiff(sides.from().canonical(), database.canonical());
        List<SchemaDrift> drift = new ArrayList<>();
        for (Operation op : withoutRecreatedForeignKeys(changes)) {
            drift.add(new SchemaDrift(table(op), describe(op, expected)));
        }
        if (dialect != null) {
            drift.addAll(ObjectDrift.check(applied, dialect.name(), liveObjects));
        }
        drift.sort(Comparator.comparing(SchemaDrift::table));
        return new DriftReport(true, null, drift);
    }

    /**
     * The changes without the foreign keys that are dropped and added back unchanged: the diff does that around a
     * column whose type changes, but the key itself is in the database as the migrations made it, so reporting it
     * as both missing and present would be false.
     */
    private static List<Operation> withoutRecreatedForeignKeys(List<Operation> changes) {
        Set<ForeignKeyAt> added = new HashSet<>();
        Set<ForeignKeyAt> dropped = new HashSet<>();
        for (Operation op : changes) {
            if (op instanceof AddForeignKey a) {
                added.add(new ForeignKeyAt(a.table(), a.foreignKey()));
            } else if (op instanceof DropForeignKey d && d.previous() != null) {
                dropped.add(new ForeignKeyAt(d.table(), d.previous()));
            }
        }
        added.retainAll(dropped);
        return changes.stream().filter(op -> !(op instanceof AddForeignKey a && added.contains(new ForeignKeyAt(a.table(), a.foreignKey()))
                || op instanceof DropForeignKey d && d.previous() != null && added.contains(new ForeignKeyAt(d.table(), d.previous())))).toList();
    }

    /** A foreign key with the table it belongs to. */
    private record ForeignKeyAt(String table, ForeignKeySchema foreignKey) {
    }

    /** The table a difference is in: a foreign key's own table, not the one it references. */
    private static String table(Operation op) {
        if (op instanceof AddForeignKey a) {
            return a.table();
        }
        if (op instanceof DropForeignKey d) {
            return d.table();
        }
        return op.tables().isEmpty() ? "" : op.tables().iterator().next();
    }

    private static boolean runsRawCode(Migration m) {
        return m.forwardSql() != null || m.operations().stream()
                .anyMatch(op -> op instanceof RunSql r && !r.tablesUnchanged() || op instanceof RunJava);
    }

    private static String describe(Operation op, SchemaState expected) {
        if (op instanceof CreateTable c) {
            return "table " + c.table().name() + " exists in the database but no migration creates it";
        }
        if (op instanceof DropTable d) {
            return "table " + d.table() + " is missing from the database";
        }
        if (op instanceof AddColumn a) {
            return "column " + a.column().name() + " (" + column(a.column()) + ") exists in the database but no migration creates it";
        }
        if (op instanceof DropColumn d) {
            return "column " + d.column() + " is missing from the database";
        }
        if (op instanceof AlterColumn a) {
            ColumnSchema was = expected.table(a.table()).flatMap(t -> t.column(a.column().name())).orElse(a.previous());
            return "column " + a.column().name() + " is " + column(a.column()) + " in the database; the migrations say "
                    + (was == null ? "otherwise" : column(was));
        }
        if (op instanceof AddIndex i) {
            return "index " + i.index().name() + " on " + i.index().columns() + " exists in the database but no migration creates it";
        }
        if (op instanceof DropIndex i) {
            return "index " + i.index() + " is missing from the database";
        }
        if (op instanceof AddForeignKey f) {
            return "foreign key " + f.foreignKey().name() + " exists in the database but no migration creates it";
        }
        if (op instanceof DropForeignKey f) {
            return "foreign key " + f.foreignKey() + " is missing from the database";
        }
        if (op instanceof AddConstraint c) {
            return "constraint " + c.constraint().name() + " exists in the database but no migration creates it";
        }
        if (op instanceof DropConstraint c) {
            return "constraint " + c.constraint() + " is missing from the database";
        }
        return op.type() + " would be needed to match the migrations";
    }

    private static String column(ColumnSchema c) {
        String defaultText = c.defaultValue() instanceof ColumnDefault.Literal l ? String.valueOf(l.value())
                : c.defaultValue() instanceof ColumnDefault.Expression e ? e.sql() : null;
        return c.type().sql() + (c.nullable() ? " NULL" : " NOT NULL") + (defaultText == null ? "" : " DEFAULT " + defaultText);
    }
}
