package dev.covet.migrations.oracle.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "purchase_orders")
public class PurchaseOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    public Customer customer;
    @Column(nullable = false)
    public LocalDateTime placedAt;
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal total;
    /** New in v2. */
    @Column(length = 500)
    public String note;
    @OneToMany(mappedBy = "order")
    public List<OrderLine> lines = new ArrayList<>();
}
