/**
 * Drift: where the live database differs from the schema its applied migrations project.
 */
package dev.covet.migrations.drift;
