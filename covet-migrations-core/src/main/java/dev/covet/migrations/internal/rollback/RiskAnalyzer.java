package dev.covet.migrations.internal.rollback;

import dev.covet.migrations.internal.backup.RowCounter;
import dev.covet.migrations.safety.RiskFinding;
import dev.covet.migrations.safety.RollbackRisk;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.internal.execute.RenderedMigration;
import dev.covet.migrations.internal.execute.RenderedOperation;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.DropIndex;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RunJava;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The risk rules. For each reverse operation a rollback would run:
 * <ul>
 *   <li>dropping a table: its rows are at risk; other tables' foreign keys into it are dependants (HIGH);</li>
 *   <li>dropping a column: its non-null values are at risk;</li>
 *   <li>altering a column back: values that do not fit the narrower type are at risk, and NULLs in a column
 *       becoming NOT NULL would make the rollback fail (HIGH);</li>
 *   <li>dropping an index, constraint or foreign key: LOW (derived, recreated by re-applying);</li>
 *   <li>hand-written reverse SQL or Java rollback code: LOW, it cannot be analysed;</li>
 *   <li>renames, creations and additions: SAFE.</li>
 * </ul>
 * Rows at risk decide between SAFE (none), MEDIUM (up to the threshold) and HIGH (more). Irreversible
 * migrations are CRITICAL; they are reported by the validator before this runs.
 */
final class RiskAnalyzer {

    private final Dialect dialect;
    private final long maxDataLossRows;

    RiskAnalyzer(Dialect dialect, long maxDataLossRows) {
        this.dialect = dialect;
        this.maxDataLossRows = maxDataLossRows;
    }

    List<RiskFinding> analyze(Connection connection, List<RenderedMigration> rollbacks) throws SQLException {
        RowCounter counter = new RowCounter(dialect, connection);
        List<RiskFinding> findings = new ArrayList<>();
        Set<String> droppedTables = new HashSet<>();
        for (RenderedMigration m : rollbacks) {
            for (RenderedOperation r : m.operations()) {
                if (r.operation() instanceof DropTable d) {
                    droppedTables.add(d.table());
                }
            }
        }
        for (RenderedMigration m : rollbacks) {
            String where = m.migration().id().toString();
            for (RenderedOperation r : m.operations()) {
                analyze(where, r.operation(), r.before(), counter, droppedTables, findings);
            }
        }
        return findings;
    }

    private void analyze(String where, Operation op, SchemaState before, RowCounter counter, Set<String> droppedTables,
                         List<RiskFinding> out) throws SQLException {
        if (op == null) {
            out.add(new RiskFinding(RollbackRisk.LOW, null, 0, where + ": runs hand-written backward_sql",
                    "Review the backward_sql of " + where + " before rolling back"));
        } else if (op instanceof DropTable d) {
            long rows = counter.rows(d.table());
            out.add(byRows(d.table(), rows, where + ": drops table " + d.table() + " (" + rows + " rows)"));
            for (TableSchema other : before.tables().values()) {
                if (!droppedTables.contains(other.name()) && other.foreignKeys().stream().anyMatch(f -> f.referencedTable().equals(d.table()))) {
                    out.add(new RiskFinding(RollbackRisk.HIGH, other.name(), 0, where + ": table " + other.name()
                            + " has a foreign key into " + d.table() + ", which the rollback drops",
                            "Drop or roll back " + other.name() + "'s foreign key first"));
                }
            }
        } else if (op instanceof DropColumn d) {
            long rows = counter.nonNull(d.table(), d.column());
            out.add(byRows(d.table(), rows, where + ": drops column " + d.table() + "." + d.column() + " (" + rows + " non-null values)"));
        } else if (op instanceof AlterColumn a) {
            alter(where, a, before, counter, out);
        } else if (op instanceof DropIndex || op instanceof DropForeignKey || op instanceof DropConstraint) {
            out.add(new RiskFinding(RollbackRisk.LOW, op.tables().iterator().next(), 0, where + ": " + op.type() + " on "
                    + op.tables().iterator().next(), null));
        } else if (op instanceof RunSql) {
            out.add(new RiskFinding(RollbackRisk.LOW, null, 0, where + ": runs hand-written reverse_sql",
                    "Review the reverse_sql of " + where + " before rolling back"));
        } else if (op instanceof RunJava java) {
            out.add(new RiskFinding(RollbackRisk.LOW, null, 0, where + ": runs the rollback of Java migration " + java.migration(),
                    null));
        }
    }

    private void alter(String where, AlterColumn a, SchemaState before, RowCounter counter, List<RiskFinding> out) throws SQLException {
        ColumnSchema current = before.table(a.table()).flatMap(t -> t.column(a.column().name())).orElse(null);
        if (current == null) {
            return;
        }
        String col = a.table() + "." + current.name();
        if (current.nullable() && !a.column().nullable()) {
            long nulls = counter.nulls(a.table(), current.name());
            if (nulls > 0) {
                out.add(new RiskFinding(RollbackRisk.HIGH, a.table(), nulls, where + ": makes " + col + " NOT NULL but "
                        + nulls + " row(s) hold NULL: the rollback would fail", "Fill or delete those rows first"));
            }
        }
        long notFitting = counter.notFitting(a.table(), current, a.column().type());
        if (notFitting > 0) {
            out.add(new RiskFinding(notFitting > maxDataLossRows ? RollbackRisk.HIGH : RollbackRisk.MEDIUM, a.table(), notFitting,
                    where + ": changes " + col + " from " + current.type() + " to " + a.column().type() + "; " + notFitting
                            + " value(s) do not fit", "Back up " + a.table() + " and check those values"));
        }
    }

    private RiskFinding byRows(String table, long rows, String message) {
        if (rows == 0) {
            return new RiskFinding(RollbackRisk.SAFE, table, 0, message, null);
        }
        RollbackRisk risk = rows > maxDataLossRows ? RollbackRisk.HIGH : RollbackRisk.MEDIUM;
        return new RiskFinding(risk, table, rows, message, risk == RollbackRisk.HIGH
                ? "More than " + maxDataLossRows + " rows would be lost from " + table + ": test in staging; roll back with --force after a backup"
                : "A backup of " + table + " is taken before rolling back");
    }
}
