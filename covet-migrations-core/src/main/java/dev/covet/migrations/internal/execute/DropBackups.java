package dev.covet.migrations.internal.execute;

import dev.covet.migrations.internal.backup.BackupScope;
import dev.covet.migrations.internal.backup.BackupTables;
import dev.covet.migrations.internal.backup.RowCounter;
import dev.covet.migrations.internal.LogNames;
import dev.covet.migrations.safety.BackupInfo;
import dev.covet.migrations.safety.BackupLimitExceededException;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.schema.TableSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the rows a migration drops: before a DROP_TABLE or DROP_COLUMN runs on rows (counted as a rollback's risk
 * analysis counts them: a table's rows, a column's non-null values), they are copied into a backup that
 * {@code covet backups} lists and {@code --restore} puts back. An operation with {@code backup: false} is dropped
 * without one. Above {@code maxRows} the drop is refused, unless forced.
 */
public final class DropBackups {

    private static final Logger LOG = LoggerFactory.getLogger(LogNames.BACKUPS);

    private final BackupTables store;
    private final Dialect dialect;
    private final long maxRows;
    private final boolean force;

    /**
     * @param maxRows rows above which a drop's backup is refused ({@code covet.migrations.backup.max-rows})
     * @param force back up however many rows there are ({@code covet migrate --force})
     */
    public DropBackups(DataSource dataSource, Dialect dialect, String tablePrefix, long maxRows, boolean force) {
        this(new BackupTables(dataSource, dialect, tablePrefix), dialect, maxRows, force);
    }

    DropBackups(BackupTables store, Dialect dialect, long maxRows, boolean force) {
        this.store = store;
        this.dialect = dialect;
        this.maxRows = maxRows;
        this.force = force;
    }

    /**
     * Before a run changes anything: refuses when a drop among the migrations would lose more rows than the limit,
     * counting tables and columns that exist now (not those the run itself creates or renames first).
     *
     * @throws BackupLimitExceededException naming the migration, table and count
     */
    public void checkBeforeRun(Connection c, List<RenderedMigration> migrations) {
        if (force) {
            return;
        }
        Set<String> madeByRun = new HashSet<>();
        RowCounter counter = new RowCounter(dialect, c);
        for (RenderedMigration m : migrations) {
            for (RenderedOperation op : m.operations()) {
                Operation o = op.operation();
                if (o instanceof DropTable d && d.backup() && !madeByRun.contains(d.table())) {
                    limit(m, o, d.table(), null, countOrZero(() -> counter.rows(d.table())), true);
                } else if (o instanceof DropColumn d && d.backup() && !madeByRun.contains(d.table())
                        && !madeByRun.contains(d.table() + "." + d.column())) {
                    limit(m, o, d.table(), d.column(), countOrZero(() -> counter.nonNull(d.table(), d.column())), true);
                }
                madeByRun.addAll(introduces(o));
            }
        }
    }

    /** Whether the migration drops a table or column (backed up, or said not to be). */
    public static boolean drops(RenderedMigration m) {
        return m.operations().stream().anyMatch(op -> op.operation() instanceof DropTable || op.operation() instanceof DropColumn);
    }

    /**
     * Right before a drop runs (on the migration's connection, inside its transaction where there is one): copies its
     * rows into a backup when it has any.
     *
     * @return the backup, or empty when the operation is no drop, opted out, or had nothing to lose
     * @throws BackupLimitExceededException when there are more rows than the limit and the run is not forced
     */
    public Optional<BackupInfo> before(Connection c, RenderedMigration m, RenderedOperation op) throws SQLException {
        Operation o = op.operation();
        if (o instanceof DropTable d && !d.backup() || o instanceof DropColumn dc && !dc.backup()) {
            warnUnprotected(m, o);
            return Optional.empty();
        }
        Optional<TableSchema> dropped = droppedTable(op);
        if (dropped.isEmpty()) {
            return Optional.empty();
        }
        RowCounter counter = new RowCounter(dialect, c);
        String table = dropped.get().name();
        String column = o instanceof DropColumn d ? d.column() : null;
        long rows = column == null ? counter.rows(table) : counter.nonNull(table, column);
        if (rows == 0) {
            return Optional.empty();
        }
        if (!force) {
            limit(m, o, table, column, rows, false);
        }
        LOG.info("Backing up {} row(s) of {} before {} drops {}", rows, what(table, column), m.migration().id(),
                column == null ? "the table" : "the column");
        BackupScope scope = column == null ? new BackupScope.Rows(dropped.get(), rows) : new BackupScope.Column(dropped.get(), column, rows);
        BackupInfo info = store.create(c, m.migration().id().toString(), List.of(scope));
        LOG.info("Backed up {} row(s) of {} as backup {} (restore: covet backups --restore {}, once the {} exists again,"
                + " e.g. after covet rollback)", info.rows(), what(table, column), info.id(), info.id(),
                column == null ? "table" : "column");
        return Optional.of(info);
    }

    /**
     * Puts back what a drop's backup holds, into the table or column a failed migration's undo has just re-created.
     *
     * @return whether the restored rows hash as they did when backed up
     */
    public boolean restore(Connection c, BackupInfo backup) throws SQLException {
        boolean same = store.restore(c, backup);
        LOG.info("Restored {} row(s) of {} from backup {}", backup.rows(),
                backup.tables().stream().map(BackupInfo.BackedUpTable::label).toList(), backup.id());
        return same;
    }

    /** The table a drop drops (from), as projected before it; empty for any other operation. */
    private static Optional<TableSchema> droppedTable(RenderedOperation op) {
        String table = op.operation() instanceof DropTable d ? d.table()
                : op.operation() instanceof DropColumn d ? d.table() : null;
        return table == null ? Optional.empty() : op.before().table(table);
    }

    private static void warnUnprotected(RenderedMigration m, Operation o) {
        String what = o instanceof DropColumn d ? "column " + d.table() + "." + d.column() : "table " + ((DropTable) o).table();
        // Not counted: whoever wrote backup: false may have opted out because the table is too big to count cheaply.
        LOG.warn("{} drops {} without a backup (backup: false on the operation): its rows cannot be restored",
                m.migration().id(), what);
    }

    private void limit(RenderedMigration m, Operation o, String table, String column, long rows, boolean beforeRun) {
        if (rows > maxRows) {
            throw new BackupLimitExceededException(m.migration().id().toString(),
                    column == null ? "table " + table : "column " + table + "." + column, o.type(), table, rows, maxRows, beforeRun);
        }
    }

    private static String what(String table, String column) {
        return column == null ? table : table + "." + column;
    }

    /** Names a run's earlier operations bring in: a drop of one of them does not drop rows that exist now. */
    private static Set<String> introduces(Operation o) {
        if (o instanceof CreateTable t) {
            return Set.of(t.table().name());
        }
        if (o instanceof RenameTable r) {
            return Set.of(r.newName());
        }
        if (o instanceof AddColumn a) {
            return Set.of(a.table() + "." + a.column().name());
        }
        if (o instanceof RenameColumn r) {
            return Set.of(r.table() + "." + r.newName());
        }
        return Set.of();
    }

    private static long countOrZero(Count count) {
        try {
            return count.get();
        } catch (SQLException e) {
            // Not there (yet): nothing to count now; the count right before the drop decides.
            return 0;
        }
    }

    @FunctionalInterface
    private interface Count {
        long get() throws SQLException;
    }
}
