package dev.covet.migrations.oracle.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "products",
        uniqueConstraints = @UniqueConstraint(name = "uk_products_vendor_sku", columnNames = {"vendor", "sku"}),
        indexes = @Index(name = "idx_products_vendor", columnList = "vendor"))
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
    public UUID externalId;
    public LocalDate releasedOn;
    public Instant updatedAt;
    public OffsetDateTime auditedAt;
    public double weight;
    public Float rating;
    public short shelf;
    public byte[] thumbnail;
    @Lob
    public String manual;
    @Version
    public long version;
    @ManyToMany
    @JoinTable(name = "product_tags",
            joinColumns = @JoinColumn(name = "product_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<Tag> tags = new HashSet<>();
}
