package dev.covet.migrations.diff;

/**
 * A column rename found by the {@link RenameDetector}.
 *
 * @param table the table (its name after any table rename)
 * @param oldName the dropped column's name
 * @param newName the added column's name
 * @param confidence the score that made it a rename (1 for a manual rename)
 * @param manual whether it came from {@link RenameDetector#addManualRename}
 */
public record ColumnRename(String table, String oldName, String newName, double confidence, boolean manual) {
}
