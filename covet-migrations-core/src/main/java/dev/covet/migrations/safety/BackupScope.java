package dev.covet.migrations.safety;

import dev.covet.migrations.schema.TableSchema;

/** What a backup copies of one table. */
public sealed interface BackupScope permits BackupScope.Rows, BackupScope.Column {

    /** The table, as the migrations project it (its columns and primary key). */
    TableSchema table();

    /**
     * Every row, every column (a table about to be dropped).
     *
     * @param table the table
     */
    record Rows(TableSchema table) implements BackupScope {
    }

    /**
     * The primary key and one column of the rows where that column is not null (a column about to be dropped): enough
     * to write the values back by key once the column exists again.
     *
     * @param table the table (it must have a primary key without the column)
     * @param column the column
     */
    record Column(TableSchema table, String column) implements BackupScope {
    }
}
