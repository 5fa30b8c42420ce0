package dev.covet.migrations.safety;

import java.util.List;
import java.util.Map;

/**
 * What a rollback would do, without doing it.
 *
 * @param affectedTables the tables it would change
 * @param dataAtRisk rows at risk per table
 * @param sql the statements it would run
 * @param riskLevel the highest risk
 */
public record DryRunRollback(List<String> affectedTables, Map<String, Long> dataAtRisk, List<String> sql, RollbackRisk riskLevel) {
    public DryRunRollback {
        affectedTables = List.copyOf(affectedTables);
        dataAtRisk = Map.copyOf(dataAtRisk);
        sql = List.copyOf(sql);
    }
}
