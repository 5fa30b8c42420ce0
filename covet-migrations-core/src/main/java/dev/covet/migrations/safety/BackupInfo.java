package dev.covet.migrations.safety;

import java.time.Instant;
import java.util.List;

/**
 * One backup recorded in {@code <prefix>backups}.
 *
 * @param id backup id
 * @param migration the migration(s) it was taken for
 * @param createdAt when
 * @param tables the tables backed up, with their rows and content hashes
 * @param checksum a hash over all the tables' content hashes
 */
public record BackupInfo(String id, String migration, Instant createdAt, List<BackedUpTable> tables, String checksum) {

    /** The rows of all its tables. */
    public long rows() {
        return tables.stream().mapToLong(BackedUpTable::rows).sum();
    }

    /**
     * One table in a backup.
     *
     * @param table the original table
     * @param copy the table holding the copy
     * @param rows how many rows were copied
     * @param contentHash SHA-256 of its rows
     * @param columns the columns copied
     * @param orderBy the columns that order rows for hashing (the primary key)
     * @param kind whole rows, or some columns of rows identified by their key
     */
    public record BackedUpTable(String table, String copy, long rows, String contentHash, List<String> columns, List<String> orderBy,
                                Kind kind) {

        public BackedUpTable {
            columns = List.copyOf(columns);
            orderBy = List.copyOf(orderBy);
            kind = kind == null ? Kind.ROWS : kind;
        }

        /** The columns a restore writes back: all of them, or for a column backup those besides the key. */
        public List<String> valueColumns() {
            return kind == Kind.ROWS ? columns : columns.stream().filter(c -> !orderBy.contains(c)).toList();
        }

        /** {@code orders} for whole rows, {@code orders.note} for a column backup. */
        public String label() {
            return kind == Kind.ROWS ? table : table + "." + String.join("+", valueColumns());
        }
    }

    /** What a backed-up table holds, and so how it is restored. */
    public enum Kind {
        /** Whole rows: a restore replaces the table's rows with them. */
        ROWS,
        /**
         * The key columns and some value columns of the rows that had values (a dropped column): a restore writes the
         * values back into the rows with the same key, leaving every other row and column alone.
         */
        COLUMNS
    }
}
