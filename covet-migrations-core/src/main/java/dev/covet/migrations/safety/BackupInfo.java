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

    /**
     * One table in a backup.
     *
     * @param table the original table
     * @param copy the table holding the copy
     * @param rows how many rows were copied
     * @param contentHash SHA-256 of its rows
     * @param columns the columns copied
     * @param orderBy the columns that order rows for hashing (the primary key)
     */
    public record BackedUpTable(String table, String copy, long rows, String contentHash, List<String> columns, List<String> orderBy) {
    }
}
