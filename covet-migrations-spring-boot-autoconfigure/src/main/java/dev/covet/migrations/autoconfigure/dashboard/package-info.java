/**
 * The opt-in dashboard page ({@code covet.migrations.dashboard.enabled=true}).
 */
package dev.covet.migrations.autoconfigure.dashboard;
