package dev.covet.migrations.audit;

import dev.covet.migrations.MigrationEvent;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationListener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every migration the runner applies or rolls back in the {@link MigrationAuditLog}: register it with
 * {@code MigrationRunner.builder(ds).listener(new AuditingListener(log, executor, environment, metadata))}.
 */
public final class AuditingListener implements MigrationListener {

    private final MigrationAuditLog log;
    private final String executor;
    private final String environment;
    private final Map<String, String> metadata;
    private final Map<MigrationId, Long> running = new ConcurrentHashMap<>();

    public AuditingListener(MigrationAuditLog log, String executor, String environment, Map<String, String> metadata) {
        this.log = log;
        this.executor = executor;
        this.environment = environment;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    @Override
    public void onStart(MigrationEvent event) {
        running.put(event.id(), log.recordExecutionStart(event.id(), event.direction(), executor, environment, metadata));
    }

    @Override
    public void onSuccess(MigrationEvent event) {
        complete(event, true);
    }

    @Override
    public void onFailure(MigrationEvent event) {
        complete(event, false);
    }

    private void complete(MigrationEvent event, boolean success) {
        Long id = running.remove(event.id());
        if (id != null) {
            log.recordExecutionComplete(id, success, event.duration(), event.affectedRows(), event.sql(),
                    event.error() == null ? null : event.error().getMessage());
        }
    }
}
