package dev.covet.migrations.engine;

import dev.covet.migrations.testing.MigrationFiles;
/** A ten-migration history with tables, columns, indexes, foreign keys, renames and data. */
final class ShopHistory {

    private ShopHistory() {
    }

    static MigrationFiles write(MigrationFiles files) {
        return files
                .write("0001_create_customers.yaml", """
                        description: Customers.
                        operations:
                          - type: CREATE_TABLE
                            table: customers
                            columns:
                              - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                              - {name: name, type: VARCHAR(100), nullable: false}
                              - {name: email, type: VARCHAR(200), nullable: true, unique: true}
                        """)
                .write("0002_create_orders.yaml", """
                        description: Orders of customers.
                        operations:
                          - type: CREATE_TABLE
                            table: orders
                            columns:
                              - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                              - {name: customer_id, type: BIGINT, nullable: false}
                              - {name: total, type: "DECIMAL(10,2)", nullable: true}
                            foreign_keys:
                              - {name: fk_orders_customer, columns: [customer_id], references: {table: customers, columns: [id]}, on_delete: CASCADE}
                        """)
                .write("0003_seed_customers.yaml", """
                        description: Seed data.
                        operations:
                          - type: RUN_SQL
                            sql:
                              - INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@example.com')
                              - INSERT INTO customers (id, name, email) VALUES (2, 'Linus', NULL)
                              - INSERT INTO orders (id, customer_id, total) VALUES (10, 1, 12.50)
                            reverse_sql:
                              - DELETE FROM orders WHERE id = 10
                              - DELETE FROM customers WHERE id IN (1, 2)
                        """)
                .write("0004_add_order_status.yaml", """
                        operations:
                          - type: ADD_COLUMN
                            table: orders
                            column: {name: status, type: VARCHAR(20), nullable: false, default: new}
                        """)
                .write("0005_index_order_status.yaml", """
                        operations:
                          - type: ADD_INDEX
                            table: orders
                            index: {name: idx_orders_status, columns: [status], unique: false}
                        """)
                .write("0006_rename_customer_name.yaml", """
                        operations:
                          - type: RENAME_COLUMN
                            table: customers
                            column: name
                            new_name: full_name
                        """)
                .write("0007_widen_full_name.yaml", """
                        operations:
                          - type: ALTER_COLUMN
                            table: customers
                            column: {name: full_name, type: VARCHAR(200), nullable: false}
                        """)
                .write("0008_create_products.yaml", """
                        operations:
                          - type: CREATE_TABLE
                            table: products
                            columns:
                              - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                              - {name: sku, type: VARCHAR(40), nullable: false}
                              - {name: price, type: "DECIMAL(10,2)", nullable: false, default: 0}
                          - type: ADD_CONSTRAINT
                            table: products
                            constraint: {name: uq_products_sku, kind: UNIQUE, columns: [sku]}
                        """)
                .write("0009_drop_order_total.yaml", """
                        operations:
                          - type: DROP_COLUMN
                            table: orders
                            column: total
                        """)
                .write("0010_rename_products.yaml", """
                        operations:
                          - type: RENAME_TABLE
                            table: products
                            new_name: items
                        """);
    }
}
