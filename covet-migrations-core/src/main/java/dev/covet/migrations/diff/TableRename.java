package dev.covet.migrations.diff;

/**
 * A table rename found by the {@link RenameDetector}.
 *
 * @param oldName the dropped table's name
 * @param newName the created table's name
 * @param confidence the score that made it a rename (1 for a manual rename)
 * @param manual whether it came from {@link RenameDetector#addManualTableRename}
 */
public record TableRename(String oldName, String newName, double confidence, boolean manual) {
}
