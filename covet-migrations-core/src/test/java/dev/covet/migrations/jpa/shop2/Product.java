package dev.covet.migrations.jpa.shop2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.math.BigDecimal;

/** Version 2: the table is renamed from products to product_catalog. */
@Entity
@Table(name = "product_catalog", uniqueConstraints = @UniqueConstraint(name = "uk_products_sku_vendor", columnNames = {"sku", "vendor"}))
public class Product {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(nullable = false, length = 40)
    String sku;
    @Column(nullable = false, length = 40)
    String vendor;
    @Column(nullable = false, precision = 10, scale = 2)
    BigDecimal price;
    Integer stock;
}
