package dev.covet.migrations.oracle;

import dev.covet.migrations.oracle.v1.OracleV1Application;
import dev.covet.migrations.oracle.v2.OracleV2Application;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The oracle for generated migrations: after {@code covet makemigrations} and startup migration, Hibernate's own
 * {@code ddl-auto=validate} must accept the schema, on every database. The entities cover relations with foreign
 * keys, an embeddable, enums by name and by ordinal, unique constraints, indexes, lengths, precision and scale,
 * identity ids, UUIDs, dates and times, LOBs, bytes, a version column and a CHECK; version 2 renames a column and a table, adds and drops fields, changes a length, adds an index,
 * a unique constraint, a CHECK and an entity, and the data in what was renamed survives.
 */
// Full Spring Boot applications: Logback's re-initialization by two starting at once races (a
// ConcurrentModificationException in LoggerContext), so these classes do not run alongside each other.
@ResourceLock("spring-boot-logging")
class GeneratedMigrationsValidateTests {

    private static final UUID EXTERNAL_ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @TempDir
    Path migrations;

    @AllDatabases
    void generatedMigrationsPassHibernateValidationAndKeepTheData(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            assertThat(OracleApps.command(OracleV1Application.class, db, migrations, "makemigrations", "--name", "initial"))
                    .isZero();
            assertThat(files()).containsExactly("0001_initial.yaml");
            assertThat(Files.readString(migrations.resolve("0001_initial.yaml")))
                    .contains("{name: ck_order_lines_quantity, kind: CHECK, expression: \"quantity > 0\"}");

            try (ConfigurableApplicationContext app = OracleApps.start(OracleV1Application.class, db, migrations)) {
                inTransaction(app, em -> {
                    var customer = new dev.covet.migrations.oracle.v1.Customer();
                    customer.fullName = "Ada Lovelace";
                    customer.email = "ada@example.com";
                    customer.nickname = "ada";
                    customer.address = new dev.covet.migrations.oracle.v1.Address();
                    customer.address.city = "London";
                    customer.status = dev.covet.migrations.oracle.v1.CustomerStatus.ACTIVE;
                    customer.tier = dev.covet.migrations.oracle.v1.Tier.GOLD;
                    customer.active = true;
                    em.persist(customer);
                    var product = new dev.covet.migrations.oracle.v1.Product();
                    product.sku = "A-1";
                    product.vendor = "acme";
                    product.price = new BigDecimal("1234567890.25");
                    product.externalId = EXTERNAL_ID;
                    product.manual = "Assemble with care. ".repeat(500);
                    product.thumbnail = new byte[] {1, 2, 3, (byte) 0xff};
                    product.releasedOn = LocalDate.of(2025, 12, 24);
                    var tag = new dev.covet.migrations.oracle.v1.Tag();
                    tag.label = "tools";
                    em.persist(tag);
                    product.tags.add(tag);
                    em.persist(product);
                    customer.aliases.add("Countess");
                    var order = new dev.covet.migrations.oracle.v1.PurchaseOrder();
                    order.customer = customer;
                    order.placedAt = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
                    order.total = new BigDecimal("19.90");
                    em.persist(order);
                    var line = new dev.covet.migrations.oracle.v1.OrderLine();
                    line.order = order;
                    line.product = product;
                    line.quantity = 2;
                    line.unitPrice = new BigDecimal("9.95");
                    em.persist(line);
                    var payment = new dev.covet.migrations.oracle.v1.CardPayment();
                    payment.order = order;
                    payment.amount = order.total;
                    payment.payer = customer;
                    payment.lastDigits = "4242";
                    em.persist(payment);
                });
            }

            // The oracle bites: before its migration exists, version 2 does not validate against the database.
            assertThatThrownBy(() -> OracleApps.start(OracleV2Application.class, db, migrations).close())
                    .hasStackTraceContaining("Schema validation");

            // nickname goes and phone comes, both text: a rename candidate, settled as what it is (no question: no terminal).
            assertThat(OracleApps.command(OracleV2Application.class, db, migrations, "makemigrations", "--name", "catalog",
                    "--no-rename", "customers.nickname=phone")).isZero();
            assertThat(files()).containsExactly("0001_initial.yaml", "0002_catalog.yaml");
            String second = Files.readString(migrations.resolve("0002_catalog.yaml"));
            assertThat(second).contains("type: RENAME_COLUMN", "new_name: email_address", "type: RENAME_TABLE",
                    "new_name: product_catalog");
            // Renames, not drops and adds: the only drop is the field removed from the entity.
            assertThat(second).doesNotContain("type: DROP_TABLE");
            assertThat(second.split("type: DROP_COLUMN", -1)).hasSize(2);
            assertThat(second).contains("type: DROP_COLUMN\n    table: customers\n    column: nickname");
            assertThat(second).contains("type: ADD_CONSTRAINT\n    table: product_catalog", "name: ck_products_price");

            try (ConfigurableApplicationContext app = OracleApps.start(OracleV2Application.class, db, migrations)) {
                inTransaction(app, em -> {
                    var customer = em.createQuery("select c from Customer c", dev.covet.migrations.oracle.v2.Customer.class)
                            .getSingleResult();
                    assertThat(customer.emailAddress).isEqualTo("ada@example.com");
                    assertThat(customer.fullName).isEqualTo("Ada Lovelace");
                    assertThat(customer.address.city).isEqualTo("London");
                    assertThat(customer.status).isEqualTo(dev.covet.migrations.oracle.v2.CustomerStatus.ACTIVE);
                    assertThat(customer.tier).isEqualTo(dev.covet.migrations.oracle.v2.Tier.GOLD);
                    customer.fullName = "A".repeat(150);
                    customer.phone = "+44 20 7946 0000";
                    var product = em.createQuery("select p from Product p", dev.covet.migrations.oracle.v2.Product.class)
                            .getSingleResult();
                    assertThat(product.sku).isEqualTo("A-1");
                    assertThat(product.price).isEqualByComparingTo("1234567890.25");
                    assertThat(product.externalId).isEqualTo(EXTERNAL_ID);
                    assertThat(product.manual).hasSize(20 * 500).startsWith("Assemble with care.");
                    assertThat(product.thumbnail).containsExactly(1, 2, 3, 0xff);
                    assertThat(product.releasedOn).isEqualTo(LocalDate.of(2025, 12, 24));
                    var line = em.createQuery("select l from OrderLine l", dev.covet.migrations.oracle.v2.OrderLine.class)
                            .getSingleResult();
                    assertThat(line.product.id).isEqualTo(product.id);
                    // The join table followed the renamed table: its key still points at the product.
                    assertThat(product.tags).extracting(t -> t.label).containsExactly("tools");
                    assertThat(customer.aliases).containsExactly("Countess");
                    var payment = em.createQuery("select p from Payment p", dev.covet.migrations.oracle.v2.Payment.class)
                            .getSingleResult();
                    assertThat(payment).isInstanceOfSatisfying(dev.covet.migrations.oracle.v2.CardPayment.class,
                            card -> assertThat(card.lastDigits).isEqualTo("4242"));
                    assertThat(line.order.customer.id).isEqualTo(customer.id);
                    var review = new dev.covet.migrations.oracle.v2.Review();
                    review.product = product;
                    review.rating = 5;
                    review.body = "sturdy";
                    em.persist(review);
                });
                // The CHECKs hold on the database, the one added to a renamed table among them.
                assertThatThrownBy(() -> inTransaction(app, em -> em.createQuery("update OrderLine l set l.quantity = 0")
                        .executeUpdate())).hasStackTraceContaining("ck_order_lines_quantity");
                assertThatThrownBy(() -> inTransaction(app, em -> em.createQuery("update Product p set p.price = -1")
                        .executeUpdate())).hasStackTraceContaining("ck_products_price");
            }

            assertThat(OracleApps.command(OracleV2Application.class, db, migrations, "makemigrations")).isZero();
            assertThat(files()).as("the entities match the migrations: no third file")
                    .containsExactly("0001_initial.yaml", "0002_catalog.yaml");
        }
    }

    private List<String> files() throws IOException {
        try (var list = Files.list(migrations)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void inTransaction(ConfigurableApplicationContext app, Consumer<EntityManager> work) {
        EntityManager em = app.getBean(EntityManagerFactory.class).createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }
}
