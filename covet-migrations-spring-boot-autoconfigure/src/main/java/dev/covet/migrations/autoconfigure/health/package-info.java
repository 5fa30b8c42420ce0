/**
 * The {@code migrations} health indicator.
 */
package dev.covet.migrations.autoconfigure.health;
