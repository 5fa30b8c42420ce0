package dev.covet.migrations.safety;

import dev.covet.migrations.MigrationException;

/**
 * A migration would drop more rows than {@code covet.migrations.backup.max-rows} lets Covet back up first. The
 * message names the migration, the table (or column) and the count, and the three ways on.
 */
public class BackupLimitExceededException extends MigrationException {

    private final String table;
    private final long rows;

    /**
     * @param migration the migration with the drop
     * @param drop what it drops, as {@code table author} or {@code column book.price}
     * @param operationType {@code DROP_TABLE} or {@code DROP_COLUMN}
     * @param table the table
     * @param rows the rows (of a column: the non-null values) it holds
     * @param maxRows the limit
     * @param beforeRun whether the run stopped before changing anything (else the migration's own failure handling says
     *        what was left)
     */
    public BackupLimitExceededException(String migration, String drop, String operationType, String table, long rows, long maxRows,
                                        boolean beforeRun) {
        super(migration + " drops " + drop + " holding " + rows + (operationType.equals("DROP_COLUMN") ? " non-null value(s)" : " row(s)")
                + ", more than covet.migrations.backup.max-rows ("
                + maxRows + ") allows Covet to back up before a drop." + (beforeRun ? " Nothing was changed." : "")
                + " To keep the rows, back them up anyway with 'covet migrate --force' (as 'covet rollback --force' goes"
                + " ahead despite the risk, with its backup), or raise covet.migrations.backup.max-rows to at least " + rows
                + ". To drop them without a backup, add 'backup: false' to that " + operationType + " operation.");
        this.table = table;
        this.rows = rows;
    }

    /** The table whose rows (or column) would be dropped. */
    public String table() {
        return table;
    }

    /** How many rows (of a column: non-null values) it holds. */
    public long rows() {
        return rows;
    }
}
