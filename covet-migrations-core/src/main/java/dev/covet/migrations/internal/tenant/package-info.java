/**
 * The working parts of {@link dev.covet.migrations.tenant}: a tenant's connections on a shared server, scoped to its
 * schema or database; the names Covet accepts.
 */
package dev.covet.migrations.internal.tenant;
