package dev.covet.migrations.jpa;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.jpa.shop.Customer;
import dev.covet.migrations.jpa.shop.CustomerOrder;
import dev.covet.migrations.jpa.shop.OrderLine;
import dev.covet.migrations.jpa.shop.Product;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.jpa.checks.Clash;
import dev.covet.migrations.jpa.checks.Device;
import dev.covet.migrations.jpa.checks.Gadget;
import dev.covet.migrations.jpa.checks.Phone;
import dev.covet.migrations.schema.Names;
import dev.covet.migrations.schema.SchemaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JpaModelReaderTests {

    static final List<Class<?>> SHOP = List.of(Customer.class, Product.class, CustomerOrder.class, OrderLine.class);

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
    void readsEntitiesIntoTheModel(String dialectName) {
        SchemaState state = new JpaModelReader(Dialect.forName(dialectName)).read(SHOP);
        assertThat(state.tables()).containsOnlyKeys("customers", "products", "orders", "order_lines");

        TableSchema customers = state.requireTable("customers");
        assertThat(customers.primaryKey()).containsExactly("id");
        ColumnSchema id = customers.column("id").orElseThrow();
        assertThat(id.autoIncrement()).isTrue();
        assertThat(id.type()).isEqualTo(ColumnType.of(ColumnType.Kind.BIGINT));
        assertThat(customers.column("full_name").orElseThrow().type()).isEqualTo(ColumnType.varchar(100));
        assertThat(customers.column("full_name").orElseThrow().nullable()).isFalse();
        assertThat(customers.column("email").orElseThrow().unique()).isTrue();
        assertThat(customers.column("city").orElseThrow().type()).isEqualTo(ColumnType.varchar(60));
        assertThat(customers.column("created_at").orElseThrow().type().kind()).isEqualTo(ColumnType.Kind.TIMESTAMP);
        assertThat(customers.column("active").orElseThrow().type().kind()).isEqualTo(ColumnType.Kind.BOOLEAN);
        assertThat(customers.index("idx_customers_full_name").orElseThrow().columns()).containsExactly("full_name");

        TableSchema products = state.requireTable("products");
        assertThat(products.column("price").orElseThrow().type()).isEqualTo(ColumnType.decimal(10, 2));
        assertThat(products.constraint("uk_products_sku_vendor").orElseThrow())
                .isEqualTo(new ConstraintSchema("uk_products_sku_vendor", ConstraintSchema.Kind.UNIQUE, List.of("sku", "vendor"), null));

        TableSchema lines = state.requireTable("order_lines");
        assertThat(lines.foreignKeys()).extracting(f -> f.name() + "->" + f.referencedTable() + f.referencedColumns())
                .containsExactlyInAnyOrder("fk_order_lines_order_id->orders[id]", "fk_order_lines_product_id->products[id]");
        assertThat(state.requireTable("orders").column("status").orElseThrow().type()).isEqualTo(ColumnType.varchar(20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
    void readsDeclaredChecksAndNamesTheUnnamedOnes(String dialectName) {
        SchemaState state = new JpaModelReader(Dialect.forName(dialectName)).read(List.of(Gadget.class, Device.class, Phone.class));

        // Table-level first (Jakarta's named one, Hibernate's unnamed one), then per column; no enum check.
        assertThat(state.requireTable("gadgets").constraints()).containsExactly(
                check("ck_gadgets_price_cap", "price < 10000"),
                check(Names.tableCheckName("gadgets", "price >= cost"), "price >= cost"),
                check("ck_gadgets_price", "price > 0"),
                check("ck_gadgets_size", "size IN ('S', 'M', 'L')"),
                check("ck_gadgets_stock", "stock >= 0"));
        assertThat(Names.tableCheckName("gadgets", "price >= cost")).matches("ck_gadgets_[0-9a-f]{8}");
        assertThat(state.requireTable("devices").constraints()).as("the discriminator's check is Hibernate's own").isEmpty();
        // Stable: a second read names everything the same.
        assertThat(new JpaModelReader(Dialect.forName(dialectName)).read(List.of(Gadget.class, Device.class, Phone.class)))
                .isEqualTo(state);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "sqlite"})
    void keepsWhatHibernateMakesByItselfBesideTheModel(String dialectName) {
        SchemaState state = new JpaModelReader(Dialect.forName(dialectName)).read(List.of(Gadget.class, Device.class, Phone.class));

        // Not in the schema (generation never writes them), but known, to recognize them in a database Hibernate made.
        assertThat(state.mappingDefaults().enumConstants("gadgets", "colour")).containsExactly("RED", "BLUE");
        assertThat(state.mappingDefaults().enumConstants("gadgets", "size")).isEmpty();
        if (!dialectName.equals("mysql")) { // MySQL's enum column needs no check
            assertThat(state.mappingDefaults().checks("gadgets")).singleElement().asString()
                    .contains("colour").contains("'RED'", "'BLUE'");
        }
        assertThat(state.mappingDefaults().checks("devices")).as("the discriminator's values")
                .anySatisfy(c -> assertThat(c).contains("'Phone'"));
    }

    @Test
    void twoDifferentChecksUnderOneNameAreRefused() {
        assertThatThrownBy(() -> new JpaModelReader(Dialect.forName("postgresql")).read(List.of(Clash.class)))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("ck_clashes_a").hasMessageContaining("table clashes")
                .hasMessageContaining("entity " + Clash.class.getName());
    }

    private static ConstraintSchema check(String name, String expression) {
        return new ConstraintSchema(name, ConstraintSchema.Kind.CHECK, List.of(), expression);
    }
}
