package dev.covet.migrations.internal.drift;

import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableFilter;
import dev.covet.migrations.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HibernateWorkTables}: Hibernate's HT_/HTE_ tables are recognized by name and session column together. */
class HibernateWorkTablesTests {

    @Test
    void onlyTablesWithTheNameAndTheSessionColumnAreHibernates() {
        ColumnSchema session = ColumnSchema.of("hib_sess_id", ColumnType.of(ColumnType.Kind.CHAR)).notNull();
        ColumnSchema id = ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT));
        SchemaState schema = SchemaState.of(List.of(
                TableSchema.of("HT_people", List.of(id, session)),
                TableSchema.of("HTE_people", List.of(id, session)),
                TableSchema.of("HT_orders", List.of(id)),
                TableSchema.of("people", List.of(id, session))));
        assertThat(HibernateWorkTables.without(schema).tables()).containsOnlyKeys("HT_orders", "people");
    }

    @Test
    void driftIgnoresThem() {
        ColumnSchema id = ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey();
        SchemaState migrated = SchemaState.of(List.of(TableSchema.of("people", List.of(id))));
        SchemaState live = SchemaState.of(List.of(TableSchema.of("people", List.of(id)), TableSchema.of("HT_people", List.of(
                ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)),
                ColumnSchema.of("hib_sess_id", ColumnType.of(ColumnType.Kind.CHAR)).notNull()))));
        DriftDetector detector = new DriftDetector(TableFilter.none(), Dialect.forName("sqlite"));
        assertThat(detector.check(List.of(), migrated, live).inSync()).isTrue();
        SchemaState other = SchemaState.of(List.of(TableSchema.of("people", List.of(id)), TableSchema.of("HT_orders", List.of(
                ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT))))));
        assertThat(detector.check(List.of(), migrated, other).inSync()).isFalse();
    }
}
