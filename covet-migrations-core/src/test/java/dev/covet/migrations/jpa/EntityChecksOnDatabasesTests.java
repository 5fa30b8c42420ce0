package dev.covet.migrations.jpa;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.generate.MakeMigrations;
import dev.covet.migrations.generate.MakeMigrationsResult;
import dev.covet.migrations.jpa.checks.Device;
import dev.covet.migrations.jpa.checks.Gadget;
import dev.covet.migrations.jpa.checks.Phone;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Declared CHECK constraints on real databases: generated into CREATE TABLE, applied, enforced, read back (drift
 * finds nothing although each database words them its own way), stable (generating again finds no changes); then
 * changed, dropped and added on the existing table (a rebuild on SQLite) and enforced again.
 */
class EntityChecksOnDatabasesTests {

    private static final List<Class<?>> V1 = List.of(Gadget.class, Device.class, Phone.class);
    private static final List<Class<?>> V2 = List.of(dev.covet.migrations.jpa.checks2.Gadget.class, Device.class, Phone.class);

    @TempDir
    Path dir;

    @AllDatabases
    void declaredChecksAreCreatedEnforcedAndEvolved(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).dialect(db.dialect())
                    .locations("filesystem:" + dir).build();
            JpaModelReader reader = new JpaModelReader(db.dialect());

            SchemaState v1 = reader.read(V1);
            assertThat(makeMigrations(runner, v1, "initial").file()).hasFileName("0001_initial.yaml");
            runner.migrate();
            assertThat(checkNames(runner.liveSchema())).containsExactlyInAnyOrderElementsOf(checkNames(v1));
            assertThat(runner.drift().inSync()).as(runner.drift().toString()).isTrue();
            assertThat(makeMigrations(runner, v1, null).changed()).as("a second makemigrations").isFalse();

            db.execute(insert("ok", "10", "5", "5", "M"));
            assertRejected(db, insert("free", "0", "0", "1", "M"), "ck_gadgets_price");
            assertRejected(db, insert("dear", "20000", "5", "1", "M"), "ck_gadgets_price_cap");
            assertRejected(db, insert("short", "10", "5", "-1", "M"), "ck_gadgets_stock");
            assertRejected(db, insert("huge", "10", "5", "1", "X"), "ck_gadgets_size");
            assertRejected(db, insert("loss", "10", "50", "1", "M"), "ck_gadgets_");

            SchemaState v2 = reader.read(V2);
            MakeMigrationsResult second = makeMigrations(runner, v2, "checks");
            assertThat(second.operations()).filteredOn(DropConstraint.class::isInstance)
                    .extracting(op -> ((DropConstraint) op).constraint())
                    .containsExactlyInAnyOrder("ck_gadgets_price_cap", "ck_gadgets_stock");
            assertThat(second.operations()).filteredOn(AddConstraint.class::isInstance)
                    .extracting(op -> ((AddConstraint) op).constraint().name() + ": " + ((AddConstraint) op).constraint().expression())
                    .containsExactlyInAnyOrder("ck_gadgets_stock: stock >= 1", "ck_gadgets_name: name <> ''");
            runner.migrate();

            assertThat(checkNames(runner.liveSchema())).containsExactlyInAnyOrderElementsOf(checkNames(v2));
            assertThat(runner.drift().inSync()).as(runner.drift().toString()).isTrue();
            assertThat(makeMigrations(runner, v2, null).changed()).as("makemigrations after the change").isFalse();
            db.execute(insert("dear", "20000", "5", "1", "M"));
            assertRejected(db, insert("none", "10", "5", "0", "M"), "ck_gadgets_stock");
            assertRejected(db, insert("", "10", "5", "1", "M"), "ck_gadgets_name");
            assertRejected(db, insert("free", "0", "0", "1", "M"), "ck_gadgets_price");
        }
    }

    private MakeMigrationsResult makeMigrations(MigrationRunner runner, SchemaState model, String name) {
        return new MakeMigrations(runner, new RenameDetector()).run(model, name, null, dir, false);
    }

    private static String insert(String name, String price, String cost, String stock, String size) {
        return "INSERT INTO gadgets (name, price, cost, stock, size) VALUES ('" + name + "', " + price + ", " + cost + ", "
                + stock + ", '" + size + "')";
    }

    private static void assertRejected(TestDatabase db, String sql, String constraint) {
        assertThatThrownBy(() -> db.execute(sql)).as(sql).isInstanceOf(SQLException.class).hasMessageContaining(constraint);
    }

    private static List<String> checkNames(SchemaState state) {
        return state.requireTable("gadgets").constraints().stream()
                .filter(c -> c.kind() == ConstraintSchema.Kind.CHECK).map(ConstraintSchema::name).toList();
    }
}
