package dev.covet.migrations.internal.backup;

import dev.covet.migrations.schema.TableSchema;

/** What a backup copies of one table. */
public sealed interface BackupScope permits BackupScope.Rows, BackupScope.Column {

    /** The table, as the migrations project it (its columns and primary key). */
    TableSchema table();

    /** The rows expected (counted just before), for the progress messages of a large copy; -1 when not counted. */
    long expectedRows();

    /**
     * Every row, every column (a table about to be dropped).
     *
     * @param table the table
     * @param expectedRows the rows counted just before, or -1
     */
    record Rows(TableSchema table, long expectedRows) implements BackupScope {

        /** Not counted. */
        public Rows(TableSchema table) {
            this(table, -1);
        }
    }

    /**
     * The primary key and one column of the rows where that column is not null (a column about to be dropped): enough
     * to write the values back by key once the column exists again.
     *
     * @param table the table (it must have a primary key without the column)
     * @param column the column
     * @param expectedRows the non-null values counted just before, or -1
     */
    record Column(TableSchema table, String column, long expectedRows) implements BackupScope {

        /** Not counted. */
        public Column(TableSchema table, String column) {
            this(table, column, -1);
        }
    }
}
