package dev.covet.migrations.schema;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableFilterTests {

    private static TableFilter filter(String... entries) {
        return TableFilter.of("covet.migrations.unmanaged-tables", Arrays.asList(entries));
    }

    @Test
    void namesMatchWholeAndWithoutRegardToCase() {
        TableFilter f = filter("shedlock");
        assertThat(f.matches("shedlock")).isTrue();
        assertThat(f.matches("ShedLock")).isTrue();
        assertThat(f.matches("SHEDLOCK")).isTrue();
        assertThat(f.matches("shedlock_old")).isFalse();
        assertThat(f.matches("my_shedlock")).isFalse();
    }

    @Test
    void starMatchesAnyRunOfCharacters() {
        TableFilter prefix = filter("batch_*");
        assertThat(prefix.matches("batch_job_instance")).isTrue();
        assertThat(prefix.matches("BATCH_STEP_EXECUTION")).isTrue();
        assertThat(prefix.matches("batch_")).isTrue();
        assertThat(prefix.matches("batch")).isFalse();
        assertThat(prefix.matches("my_batch_job")).isFalse();

        assertThat(filter("*_seq").matches("batch_job_seq")).isTrue();
        assertThat(filter("*_seq").matches("batch_job_seq_x")).isFalse();
        assertThat(filter("spring_*_attributes").matches("spring_session_attributes")).isTrue();
        assertThat(filter("spring_*_attributes").matches("spring_session")).isFalse();
        assertThat(filter("a*b*c").matches("abc")).isTrue();
        assertThat(filter("a*b*c").matches("axxbyyc")).isTrue();
        assertThat(filter("a*b*c").matches("ac")).isFalse();
        assertThat(filter("ab*ba").matches("aba")).isFalse();
        assertThat(filter("*").matches("anything")).isTrue();
    }

    @Test
    void anyPatternMatchesAndEntriesAreTrimmed() {
        TableFilter f = filter(" batch_* ", "qrtz_*", "shedlock");
        assertThat(f.patterns()).containsExactly("batch_*", "qrtz_*", "shedlock");
        assertThat(f.matches("qrtz_triggers")).isTrue();
        assertThat(f.matches("batch_job_execution")).isTrue();
        assertThat(f.matches("customers")).isFalse();
    }

    @Test
    void noEntriesMatchNothing() {
        assertThat(TableFilter.of("p", null).isEmpty()).isTrue();
        assertThat(TableFilter.of("p", List.of())).isSameAs(TableFilter.none());
        assertThat(TableFilter.none().matches("batch_job")).isFalse();
    }

    @Test
    void blankEntriesAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> filter("batch_*", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("covet.migrations.unmanaged-tables: blank entry");
        assertThatThrownBy(() -> filter("batch_*", null)).hasMessageContaining("blank entry");
    }

    @Test
    void otherWildcardsAreRefusedNamingThePropertyAndTheEntry() {
        for (String entry : List.of("batch_?", "qrtz_%", "job[12]", "a+", "x|y", "sh edlock", "(a)", "^a")) {
            assertThatThrownBy(() -> filter("shedlock", entry)).as(entry)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("covet.migrations.unmanaged-tables: entry '" + entry + "'")
                    .hasMessageContaining("* as the only wildcard");
        }
    }

    @Test
    void withoutLeavesOutMatchingTables() {
        SchemaState schema = SchemaState.of(List.of(
                TableSchema.of("customers", List.of(ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)))),
                TableSchema.of("BATCH_JOB", List.of(ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT))))));
        assertThat(filter("batch_*").without(schema).tables()).containsOnlyKeys("customers");
        assertThat(TableFilter.none().without(schema)).isSameAs(schema);
    }
}
