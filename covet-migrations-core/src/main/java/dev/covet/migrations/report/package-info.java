/**
 * JSON documents shared by the {@code covet} commands and the Actuator endpoint, so both print the same shape.
 */
package dev.covet.migrations.report;
