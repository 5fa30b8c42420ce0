package dev.covet.migrations.oracle.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;
import jakarta.persistence.UniqueConstraint;

import java.math.BigDecimal;

@Entity
@Table(name = "order_lines",
        uniqueConstraints = @UniqueConstraint(name = "uk_order_lines_order_product", columnNames = {"order_id", "product_id"}))
public class OrderLine {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    public PurchaseOrder order;
    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id", nullable = false)
    public Product product;
    /** Hibernate's field-level {@code @Check}, unnamed: generated as {@code ck_order_lines_quantity}. */
    @Check(constraints = "quantity > 0")
    public int quantity;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal unitPrice;
}
