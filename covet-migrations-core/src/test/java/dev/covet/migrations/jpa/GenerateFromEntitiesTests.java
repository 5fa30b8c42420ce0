package dev.covet.migrations.jpa;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.generate.MakeMigrations;
import dev.covet.migrations.generate.MakeMigrationsResult;
import dev.covet.migrations.jpa.shop2.Customer;
import dev.covet.migrations.jpa.shop2.CustomerOrder;
import dev.covet.migrations.jpa.shop2.OrderLine;
import dev.covet.migrations.jpa.shop2.Product;
import dev.covet.migrations.jpa.shop2.Review;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The makemigrations loop on real databases: entities → generated migration → applied → the live schema is the
 * model; entities evolve (renames among them) → generated → applied → the data in renamed columns and tables is
 * still there; generating again finds no changes.
 */
class GenerateFromEntitiesTests {

    private static final List<Class<?>> V1 = JpaModelReaderTests.SHOP;
    private static final List<Class<?>> V2 = List.of(Customer.class, Product.class, CustomerOrder.class, OrderLine.class,
            Review.class);

    @TempDir
    Path dir;

    @AllDatabases
    void generateApplyEvolveAndKeepTheData(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).dialect(db.dialect())
                    .locations("filesystem:" + dir).build();
            JpaModelReader reader = new JpaModelReader(db.dialect());

            SchemaState v1 = reader.read(V1);
            MakeMigrationsResult first = new MakeMigrations(runner, new RenameDetector()).run(v1, "initial", null, dir, false);
            assertThat(first.file()).hasFileName("0001_initial.yaml");
            runner.migrate();
            assertThat(runner.liveSchema().canonical()).isEqualTo(v1.canonical());
            assertThat(new MakeMigrations(runner, new RenameDetector()).run(v1, null, null, dir, false).changed()).isFalse();

            db.execute("INSERT INTO customers (full_name, email, city, active) VALUES ('Ada', 'ada@example.com', 'London', "
                    + (kind.toString().equals("postgresql") ? "TRUE" : "1") + ")");
            db.execute("INSERT INTO products (sku, vendor, price) VALUES ('A-1', 'acme', 9.50)");

            SchemaState v2 = reader.read(V2);
            RenameDetector detector = new RenameDetector();
            MakeMigrationsResult second = new MakeMigrations(runner, detector).run(v2, null, null, dir, false);
            assertThat(second.file()).isNotNull();
            assertThat(second.operations()).anySatisfy(op -> assertThat(op).isEqualTo(new RenameColumn("customers", "email", "email_address")));
            assertThat(second.operations()).anySatisfy(op -> assertThat(op).isEqualTo(new RenameTable("products", "product_catalog")));
            assertThat(detector.getStats().renamesDetected()).isGreaterThanOrEqualTo(2);
            runner.migrate();

            assertThat(runner.liveSchema().canonical()).isEqualTo(v2.canonical());
            assertThat(text(db, "SELECT email_address FROM customers WHERE full_name = 'Ada'")).isEqualTo("ada@example.com");
            assertThat(text(db, "SELECT sku FROM product_catalog WHERE vendor = 'acme'")).isEqualTo("A-1");
            assertThat(new MakeMigrations(runner, new RenameDetector()).run(v2, null, null, dir, false).changed()).isFalse();
        }
    }

    private static String text(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
