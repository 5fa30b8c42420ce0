/**
 * Auto-configuration of the {@code migrations} Actuator endpoint.
 */
package dev.covet.migrations.autoconfigure.endpoint;
