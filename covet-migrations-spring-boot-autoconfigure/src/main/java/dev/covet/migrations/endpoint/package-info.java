/**
 * The {@code migrations} Actuator endpoint and the report records (with stable JSON field names) that it and the
 * {@code covet} commands print.
 */
package dev.covet.migrations.endpoint;
