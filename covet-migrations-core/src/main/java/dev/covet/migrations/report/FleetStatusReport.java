package dev.covet.migrations.report;

import dev.covet.migrations.MigrationId;
import dev.covet.migrations.tenant.FleetStatus;
import dev.covet.migrations.tenant.TenantStatus;

import java.util.List;
import java.util.Map;

/**
 * The JSON document of {@code covet status --tenants --json} and {@code GET /actuator/migrations/tenants}.
 *
 * @param tenants how many tenants there are
 * @param upToDate how many have nothing pending and nothing failed
 * @param byLastApplied how many tenants stand at each last-applied migration ({@code (none)}: nothing applied)
 * @param behind names of the tenants with migrations pending
 * @param failed names of the tenants with a failed migration or that could not be read
 * @param statuses one entry per tenant, in the source's order
 */
public record FleetStatusReport(int tenants, long upToDate, Map<String, Integer> byLastApplied, List<String> behind,
                                List<String> failed, List<Entry> statuses) {

    /**
     * One tenant.
     *
     * @param tenant its name
     * @param lastApplied the last migration applied, or {@code null}
     * @param applied how many are applied
     * @param pending how many are pending
     * @param failed ids of failed migrations
     * @param error why it could not be read, or {@code null}
     */
    public record Entry(String tenant, String lastApplied, int applied, int pending, List<String> failed, String error) {
    }

    /** The document of a fleet's status. */
    public static FleetStatusReport of(FleetStatus status) {
        List<Entry> entries = status.tenants().stream().map(t -> new Entry(t.tenant(),
                t.lastApplied() == null ? null : t.lastApplied().toString(), t.applied(), t.pending(),
                t.failed().stream().map(MigrationId::toString).toList(), t.error())).toList();
        return new FleetStatusReport(entries.size(), status.upToDate(), status.byLastApplied(),
                status.behind().stream().map(TenantStatus::tenant).toList(),
                status.failed().stream().map(TenantStatus::tenant).toList(), entries);
    }
}
