package dev.covet.migrations.safety;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.internal.backup.BackupTables;

import javax.sql.DataSource;
import java.util.List;
import java.util.Set;

/**
 * The backups Covet keeps: taken before risky rollbacks and before drops, listed, restored and pruned here (and by
 * {@code covet backups}). Each is a schema-independent copy of whole tables, or of a column with the keys of its
 * rows, recorded in {@code <prefix>backups} with row counts and content hashes; a restore proves itself by hashing
 * the result again.
 */
public final class BackupStore {

    private final BackupTables tables;

    /**
     * @param dataSource the database the backups are in
     * @param dialect its dialect
     * @param tablePrefix the prefix of Covet's tables ({@code covet_})
     */
    public BackupStore(DataSource dataSource, Dialect dialect, String tablePrefix) {
        this.tables = new BackupTables(dataSource, dialect, tablePrefix);
    }

    /**
     * Copies the tables that exist (with the tables whose foreign keys cascade from them, so a restore can bring
     * those back too) and commits.
     *
     * @param migration what the backup is taken for
     * @return the backup
     */
    public BackupInfo create(String migration, Set<String> tableNames) {
        return tables.create(migration, tableNames);
    }

    /** Every backup, newest first. */
    public List<BackupInfo> list() {
        return tables.list();
    }

    /** One backup, or an error naming the id. */
    public BackupInfo get(String id) {
        return tables.get(id);
    }

    /**
     * Puts a backup's rows back (a column backup's values into the rows with the same key), in one transaction
     * where the database allows, and verifies every table's content hash.
     *
     * @return whether every restored table hashes exactly as when it was backed up
     */
    public boolean restore(String id) {
        return tables.restore(id);
    }

    /** Drops a backup's copies and its record. */
    public void delete(String id) {
        tables.delete(id);
    }

    /** Deletes all but the newest {@code keep} backups; returns how many were deleted. */
    public int prune(int keep) {
        return tables.prune(keep);
    }
}
