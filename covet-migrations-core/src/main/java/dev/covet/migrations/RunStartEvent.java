package dev.covet.migrations;


import java.util.List;
import java.util.Map;

/**
 * A run holds the migration lock and is about to execute migrations: no other run is executing any, so whatever
 * is still marked running belongs to a process that died.
 *
 * @param direction applying or rolling back
 * @param history the history rows as read under the lock
 * @param statementsRun for each migration left RUNNING or FAILED in the history (MySQL), the statements it
 *        records as completed
 */
public record RunStartEvent(Direction direction, List<HistoryRow> history, Map<MigrationId, List<String>> statementsRun) {
    public RunStartEvent {
        history = List.copyOf(history);
        statementsRun = Map.copyOf(statementsRun);
    }
}
