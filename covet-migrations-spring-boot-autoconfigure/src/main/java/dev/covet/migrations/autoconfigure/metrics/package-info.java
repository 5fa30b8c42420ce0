/**
 * Micrometer metrics for Covet Migrations: execution timers and pending/failed gauges.
 */
package dev.covet.migrations.autoconfigure.metrics;
