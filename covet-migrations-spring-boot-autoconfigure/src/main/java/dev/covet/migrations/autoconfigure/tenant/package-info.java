/**
 * Auto-configuration of a fleet of tenants: a {@link dev.covet.migrations.tenant.TenantSource} from
 * {@code covet.migrations.tenants.*} (unless the application defines one) and the
 * {@link dev.covet.migrations.tenant.TenantFleet} the commands and the endpoint use.
 */
package dev.covet.migrations.autoconfigure.tenant;
