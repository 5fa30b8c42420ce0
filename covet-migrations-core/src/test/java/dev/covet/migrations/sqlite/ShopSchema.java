package dev.covet.migrations.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The schema the rebuild tests change: customers with plain, unique, partial and expression indexes, an
 * AUTOINCREMENT key, a trigger, a view over customers and orders, a foreign key in (orders, ON DELETE CASCADE)
 * and a nullable column for one out; rows with NULLs, a blob, unicode and a 1 MB text.
 */
public final class ShopSchema {

    public static final String BIG_TEXT = "x".repeat(999_990) + "-the-end";
    public static final String UNICODE = "Zoë Ünïcødé 北京 🚀";

    public static final String MIGRATION = """
            operations:
              - type: CREATE_TABLE
                table: regions
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
                  - {name: label, type: VARCHAR(50), nullable: false}
              - type: CREATE_TABLE
                table: customers
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                  - {name: name, type: VARCHAR(100), nullable: false}
                  - {name: email, type: VARCHAR(200), nullable: true, unique: true}
                  - {name: note, type: TEXT, nullable: true}
                  - {name: photo, type: BLOB, nullable: true}
                  - {name: score, type: INTEGER, nullable: true}
                  - {name: region_id, type: BIGINT, nullable: true}
                indexes:
                  - {name: idx_customers_name, columns: [name]}
                  - {name: idx_customers_scored, columns: [score], where: score IS NOT NULL}
              - type: CREATE_TABLE
                table: orders
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                  - {name: customer_id, type: BIGINT, nullable: false}
                  - {name: total, type: DECIMAL(10,2), nullable: false}
                foreign_keys:
                  - {name: fk_orders_customer, columns: [customer_id], references: {table: customers, columns: [id]}, on_delete: CASCADE}
              - type: CREATE_TABLE
                table: audit_log
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                  - {name: msg, type: TEXT, nullable: false}
              - type: RUN_SQL
                sql:
                  - CREATE INDEX ix_customers_lower_email ON customers (lower(email))
                  - CREATE TRIGGER trg_customers_renamed AFTER UPDATE OF name ON customers BEGIN INSERT INTO audit_log (msg) VALUES ('renamed ' || NEW.id); END
                  - CREATE VIEW customer_totals AS SELECT c.id, c.name, SUM(o.total) AS total FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name
            """;

    /** The columns of customers no test changes, for comparing rows before and after. */
    public static final String CUSTOMER_ROWS = "SELECT id, name, email, hex(photo), length(note), substr(note, -8), region_id FROM customers ORDER BY id";

    private ShopSchema() {
    }

    /** Customers 1 to 4 (5 was deleted, so the sequence is ahead of the largest id), regions, orders. */
    public static void insertRows(SqliteFixture db) throws SQLException {
        byte[] blob = new byte[256];
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) i;
        }
        try (Connection c = db.connect()) {
            c.createStatement().execute("INSERT INTO regions (id, label) VALUES (1, 'north'), (2, 'south')");
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO customers (name, email, note, photo, score, region_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                Object[][] rows = {
                        {"Ada", "ada@example.com", BIG_TEXT, blob, 10, 1},
                        {UNICODE, null, "ünïcødé note", null, null, 2},
                        {"Grace", "grace@example.com", null, new byte[0], 30, null},
                        {"Linus", null, "", null, 40, 1},
                        {"Gone", "gone@example.com", null, null, 50, 1},
                };
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        p.setObject(i + 1, row[i]);
                    }
                    p.executeUpdate();
                }
            }
            c.createStatement().execute("DELETE FROM customers WHERE name = 'Gone'");
            c.createStatement().execute("INSERT INTO orders (customer_id, total) VALUES (1, 10.50), (1, 20.25), (2, 5.00), (3, 7.75)");
        }
    }
}
