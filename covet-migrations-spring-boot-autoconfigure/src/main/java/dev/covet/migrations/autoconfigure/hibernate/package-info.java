/**
 * Hibernate support: a SQLite dialect under which {@code spring.jpa.hibernate.ddl-auto=validate} works, and its
 * automatic selection.
 */
package dev.covet.migrations.autoconfigure.hibernate;
