package dev.covet.migrations.jpa;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.jpa.validated.Animal;
import dev.covet.migrations.jpa.validated.Dog;
import dev.covet.migrations.jpa.validated.Member;
import dev.covet.migrations.jpa.validated.Team;
import dev.covet.migrations.jpa.validated.Ticket;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader applies Bean Validation to the model as Hibernate applies it to its own DDL (hibernate-validator is on the test class path). */
class BeanValidationModelTests {

    private static final List<Class<?>> MODEL = List.of(Team.class, Member.class, Animal.class, Dog.class);

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
    void notNullNotBlankNotEmptyAndSizeMaxShapeTheColumns(String dialectName) {
        TableSchema members = new JpaModelReader(Dialect.forName(dialectName)).read(MODEL).requireTable("members");

        assertThat(column(members, "full_name").nullable()).as("@NotNull").isFalse();
        assertThat(column(members, "handle").nullable()).as("@NotBlank").isFalse();
        assertThat(column(members, "handle").type()).as("@Size(max = 40)").isEqualTo(ColumnType.varchar(40));
        assertThat(column(members, "code").nullable()).as("@NotEmpty").isFalse();
        assertThat(column(members, "code").type()).isEqualTo(ColumnType.varchar(12));
        assertThat(column(members, "bio").nullable()).isTrue();
        assertThat(column(members, "bio").type()).isEqualTo(ColumnType.varchar(500));
        assertThat(column(members, "motto").type()).as("no max: the default length").isEqualTo(ColumnType.varchar(255));
        assertThat(column(members, "team_id").nullable()).as("@NotNull on a relation").isFalse();
        // An embeddable's constraints count where it is cascaded (@Valid); its @NotNull only where the embedded
        // value itself is @NotNull (a null embeddable leaves all its columns null): Hibernate's rules.
        assertThat(column(members, "city").nullable()).isTrue();
        assertThat(column(members, "zip").type()).isEqualTo(ColumnType.varchar(10));
        assertThat(column(members, "billing_city").nullable()).isFalse();
        assertThat(column(members, "billing_zip").type()).isEqualTo(ColumnType.varchar(10));
        assertThat(column(members, "work_city").nullable()).isTrue();
        assertThat(column(members, "work_zip").type()).isEqualTo(ColumnType.varchar(255));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
    void aSingleTableSubclassKeepsItsColumnsNullable(String dialectName) {
        TableSchema animals = new JpaModelReader(Dialect.forName(dialectName)).read(MODEL).requireTable("animals");

        assertThat(column(animals, "name").nullable()).as("the root's @NotNull").isFalse();
        assertThat(column(animals, "breed").nullable()).as("rows of other subclasses have no breed").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
    void theApplicationsSettingsCanTurnItOff(String dialectName) {
        SchemaState off = new JpaModelReader(Dialect.forName(dialectName),
                Map.of("jakarta.persistence.validation.mode", "none")).read(MODEL);
        assertThat(column(off.requireTable("members"), "full_name").nullable()).isTrue();
        assertThat(column(off.requireTable("members"), "handle").type()).isEqualTo(ColumnType.varchar(255));

        SchemaState notForDdl = new JpaModelReader(Dialect.forName(dialectName),
                Map.of("hibernate.validator.apply_to_ddl", "false")).read(MODEL);
        assertThat(column(notForDdl.requireTable("members"), "full_name").nullable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
    void connectionAndSchemaSettingsOfTheApplicationAreNotUsed(String dialectName) {
        // Read offline whatever the properties say: no connection is opened, nothing is created.
        SchemaState state = new JpaModelReader(Dialect.forName(dialectName), Map.of(
                "hibernate.connection.url", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "hibernate.hbm2ddl.auto", "create",
                "jakarta.persistence.schema-generation.database.action", "drop-and-create")).read(MODEL);
        assertThat(column(state.requireTable("members"), "full_name").nullable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
    void anEntityListenerOnlyTheApplicationCanMakeDoesNotStopTheReader(String dialectName) {
        TableSchema tickets = new JpaModelReader(Dialect.forName(dialectName)).read(List.of(Ticket.class)).requireTable("tickets");
        assertThat(column(tickets, "subject").nullable()).isFalse();
    }

    private static ColumnSchema column(TableSchema table, String name) {
        return table.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + table.columns()));
    }
}
