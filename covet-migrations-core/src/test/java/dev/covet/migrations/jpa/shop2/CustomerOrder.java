package dev.covet.migrations.jpa.shop2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** Version 2: an index on status and a unique order number. */
@Entity
@Table(name = "orders", indexes = @Index(name = "idx_orders_status", columnList = "status"),
        uniqueConstraints = @UniqueConstraint(name = "uk_orders_number", columnNames = "number"))
public class CustomerOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    Customer customer;
    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    OrderStatus status;
    @Column(length = 30)
    String number;
}
