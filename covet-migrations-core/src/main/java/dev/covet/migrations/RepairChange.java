package dev.covet.migrations;

/**
 * One change {@code covet repair} makes (or, in a dry run, would make) to the history table.
 *
 * @param id the migration whose history row changes
 * @param kind what happens to the row
 * @param oldChecksum the checksum recorded before
 * @param newChecksum the file's checksum now recorded, or {@code null} when the row is removed
 * @param state the row's state before ({@code APPLIED} or {@code FAILED})
 */
public record RepairChange(MigrationId id, Kind kind, String oldChecksum, String newChecksum, String state) {

    /** What repair does to a history row. */
    public enum Kind {
        /** An applied migration's file was edited on purpose: its recorded checksum becomes the file's. */
        CHECKSUM_REALIGNED,
        /** A FAILED attempt, fixed by hand: its row is deleted, so the migration is pending again. */
        FAILED_ROW_REMOVED
    }

    /** One line for people: which id, and old -> new checksum or the FAILED row removed. */
    public String describe() {
        return switch (kind) {
            case CHECKSUM_REALIGNED -> id + ": checksum " + oldChecksum + " -> " + newChecksum;
            case FAILED_ROW_REMOVED -> id + ": " + state + " row removed (checksum " + oldChecksum + "); pending again";
        };
    }
}
