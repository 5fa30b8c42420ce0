package dev.covet.migrations.internal.audit;

import java.util.List;

/**
 * What is known of an execution whose process died, recorded when its audit row is closed as INTERRUPTED.
 *
 * @param statementsRun the statements known to have completed (MySQL records them as it goes; elsewhere the
 *        migration's transaction was rolled back, so none remain)
 * @param known what the history table says of the migration now
 */
public record Interruption(List<String> statementsRun, String known) {
    public Interruption {
        statementsRun = statementsRun == null ? List.of() : List.copyOf(statementsRun);
    }
}
