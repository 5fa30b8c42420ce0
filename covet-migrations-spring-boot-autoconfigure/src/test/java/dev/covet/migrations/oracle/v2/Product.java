package dev.covet.migrations.oracle.v2;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.math.BigDecimal;

/** Renamed from {@code products}; columns and keys unchanged; a new CHECK (Jakarta's, named) on the price. */
@Entity
@Table(name = "product_catalog",
        uniqueConstraints = @UniqueConstraint(name = "uk_products_vendor_sku", columnNames = {"vendor", "sku"}),
        indexes = @Index(name = "idx_products_vendor", columnList = "vendor"),
        check = @CheckConstraint(name = "ck_products_price", constraint = "price >= 0"))
public class Product {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 40)
    public String sku;
    @Column(nullable = false, length = 60)
    public String vendor;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal price;
    public Integer stock;
    /** Types beyond strings and numbers, each mapped differently per database by Hibernate. */
    public java.util.UUID externalId;
    public java.time.LocalDate releasedOn;
    public java.time.Instant updatedAt;
    public java.time.OffsetDateTime auditedAt;
    public double weight;
    public Float rating;
    public short shelf;
    public byte[] thumbnail;
    @jakarta.persistence.Lob
    public String manual;
    @jakarta.persistence.Version
    public long version;
    @jakarta.persistence.ManyToMany
    @jakarta.persistence.JoinTable(name = "product_tags",
            joinColumns = @jakarta.persistence.JoinColumn(name = "product_id"),
            inverseJoinColumns = @jakarta.persistence.JoinColumn(name = "tag_id"))
    public java.util.Set<Tag> tags = new java.util.HashSet<>();
}
