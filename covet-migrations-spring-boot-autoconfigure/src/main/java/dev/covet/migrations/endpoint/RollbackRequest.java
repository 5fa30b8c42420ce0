package dev.covet.migrations.endpoint;

import dev.covet.migrations.MigrationId;
import dev.covet.migrations.RollbackOptions;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * A rollback asked of the endpoint: {@code steps} or {@code target}, read into options, or the 400 that refuses it.
 *
 * @param options what to roll back, or {@code null} when refused
 * @param refusal the response refusing the request, or {@code null}
 */
record RollbackRequest(RollbackOptions options, WebEndpointResponse<Object> refusal) {

    static RollbackRequest of(Integer steps, String target) {
        if (target != null && steps != null) {
            return refused("give steps or target, not both");
        }
        if (target != null) {
            if (target.isBlank()) {
                return refused("target must name a migration");
            }
            try {
                return new RollbackRequest(RollbackOptions.toTarget(MigrationId.parse(target, MigrationId.DEFAULT_APP)), null);
            } catch (IllegalArgumentException e) {
                return refused("target: " + e.getMessage());
            }
        }
        int n = steps == null ? 1 : steps;
        if (n < 1) {
            return refused("steps must be at least 1, was " + n);
        }
        return new RollbackRequest(RollbackOptions.steps(n), null);
    }

    private static RollbackRequest refused(String message) {
        return new RollbackRequest(null, CovetMigrationsEndpoint.badRequest(message));
    }
}
