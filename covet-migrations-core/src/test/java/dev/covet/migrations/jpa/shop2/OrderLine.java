package dev.covet.migrations.jpa.shop2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "order_lines")
public class OrderLine {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    CustomerOrder order;
    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id", nullable = false)
    Product product;
    @Column(nullable = false)
    int quantity;
}
