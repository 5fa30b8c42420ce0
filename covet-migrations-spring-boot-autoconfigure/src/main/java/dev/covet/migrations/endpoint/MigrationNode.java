package dev.covet.migrations.endpoint;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One migration in the dependency graph the dashboard draws: an entry of {@code graph} in
 * {@code GET /actuator/migrations/dashboard}.
 *
 * @param id the migration id ({@code name}, or {@code app:name} outside the default app)
 * @param state APPLIED, PENDING, FAILED, MODIFIED or MISSING
 * @param dependencies the ids of the migrations it depends on
 */
public record MigrationNode(String id, String state, List<String> dependencies) {

    public MigrationNode {
        dependencies = List.copyOf(dependencies);
    }

    /**
     * The graph of the migration files in dependency order, each with its state in the status; applied migrations
     * whose files are gone come last, with no edges (nothing says what they depended on).
     *
     * @param migrations the migration files in dependency order ({@code MigrationCheck.migrations()})
     * @param status the status from the same files
     * @return one node per migration
     */
    public static List<MigrationNode> graphOf(List<Migration> migrations, MigrationStatus status) {
        Map<MigrationId, String> states = new HashMap<>();
        // Later lists win: a modified or failed migration is also listed as applied or pending.
        for (List<MigrationInfo> list : List.of(status.applied(), status.pending(), status.modified(), status.failed())) {
            list.forEach(info -> states.put(info.id(), info.state()));
        }
        List<MigrationNode> nodes = new ArrayList<>();
        Set<MigrationId> seen = new LinkedHashSet<>();
        for (Migration m : migrations) {
            seen.add(m.id());
            nodes.add(new MigrationNode(m.id().toString(), states.getOrDefault(m.id(), "PENDING"),
                    m.dependencies().stream().map(MigrationId::toString).toList()));
        }
        for (MigrationInfo missing : status.missing()) {
            if (seen.add(missing.id())) {
                nodes.add(new MigrationNode(missing.id().toString(), missing.state(), List.of()));
            }
        }
        return nodes;
    }
}
