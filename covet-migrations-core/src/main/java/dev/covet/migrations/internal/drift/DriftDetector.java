package dev.covet.migrations.internal.drift;

import dev.covet.migrations.drift.DriftReport;
import dev.covet.migrations.drift.SchemaDrift;
import dev.covet.migrations.Migration;
import dev.covet.migrations.diff.DiffEngine;
import dev.covet.migrations.diff.RenameDetector;
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
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableFilter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compares the live schema with the schema the applied migrations project. The difference is computed as the
 * operations that would turn the expected schema into the live one (rename detection off: a hand-made change is
 * reported as it is, not guessed at), each described from the database's side. CHECK constraints are compared by
 * name ({@link CheckExpressions}): the databases store their expressions reworded.
 */
public final class DriftDetector {

    private final TableFilter unmanaged;

    /** A detector that compares every table. */
    public DriftDetector() {
        this(TableFilter.none());
    }

    /**
     * A detector that ignores unmanaged tables on both sides: neither one the database has and no migration creates,
     * nor one a migration creates and the database differs in or lacks, is drift.
     *
     * @param unmanaged tables other tools own
     */
    public DriftDetector(TableFilter unmanaged) {
        this.unmanaged = unmanaged;
    }

    /**
     * Checks for drift.
     *
     * @param applied the applied migrations, in order (to see whether the projection can be trusted)
     * @param expected the schema they project
     * @param live the schema read from the database
     */
    public DriftReport check(List<Migration> applied, SchemaState expected, SchemaState live) {
        List<String> raw = applied.stream().filter(DriftDetector::runsRawCode).map(m -> m.id().toString()).toList();
        if (!raw.isEmpty()) {
            return DriftReport.notChecked(raw.size() + " applied migration(s) run SQL or code the projection cannot follow ("
                    + String.join(", ", raw.subList(0, Math.min(3, raw.size()))) + (raw.size() > 3 ? ", ..." : "")
                    + "), so drift is not judged");
        }
        UnmanagedTables.Sides sides = UnmanagedTables.forComparison(unmanaged, expected, live);
        List<Operation> changes = new DiffEngine(new RenameDetector(0.8, false, 10, false))
                .generateDiff(sides.from().canonical(), CheckExpressions.alignedTo(sides.from(), sides.to()).canonical());
        List<SchemaDrift> drift = new ArrayList<>();
        for (Operation op : changes) {
            drift.add(new SchemaDrift(op.tables().isEmpty() ? "" : op.tables().iterator().next(), describe(op, expected)));
        }
        drift.sort(Comparator.comparing(SchemaDrift::table));
        return new DriftReport(true, null, drift);
    }

    private static boolean runsRawCode(Migration m) {
        return m.forwardSql() != null || m.operations().stream().anyMatch(op -> op instanceof RunSql || op instanceof RunJava);
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
