/**
 * Fleets of tenant databases or schemas: the same migrations applied to many targets. A
 * {@link dev.covet.migrations.tenant.TenantSource} lists the {@link dev.covet.migrations.tenant.Tenant}s (every
 * PostgreSQL schema or MySQL database matching a pattern, a list of JDBC URLs, or an application's own list);
 * {@link dev.covet.migrations.tenant.TenantFleet} migrates them on a bounded pool, one lock and one history per
 * tenant, and summarizes where they stand.
 */
package dev.covet.migrations.tenant;
