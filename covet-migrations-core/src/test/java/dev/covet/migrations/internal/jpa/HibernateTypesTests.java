package dev.covet.migrations.internal.jpa;

import dev.covet.migrations.schema.ColumnType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL types Hibernate's dialects write, as the model types whose DDL Hibernate then validates. */
class HibernateTypesTests {

    @Test
    void typesKeepWhatHibernateValidates() {
        // MySQL: a UUID is BINARY(16), not the portable UUID type (CHAR(36) there).
        assertThat(HibernateTypes.parse("binary(16)", 16L, "c")).isEqualTo(new ColumnType(ColumnType.Kind.BINARY, 16, null, null));
        // PostgreSQL: @Lob is a large-object reference, not BYTEA.
        assertThat(HibernateTypes.parse("oid", null, "c")).isEqualTo(ColumnType.of(ColumnType.Kind.OID));
        assertThat(HibernateTypes.parse("bytea", null, "c")).isEqualTo(ColumnType.of(ColumnType.Kind.BLOB));
        // MySQL's native enum for @Enumerated(STRING) is text in the model; Hibernate accepts a VARCHAR for it.
        assertThat(HibernateTypes.parse("enum ('A','B')", 20L, "c")).isEqualTo(ColumnType.varchar(20));
        assertThat(HibernateTypes.parse("timestamp(6) with time zone", null, "c"))
                .isEqualTo(new ColumnType(ColumnType.Kind.TIMESTAMPTZ, null, 6, null));
    }
}
