package dev.covet.migrations.jpa.checks2;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;

import java.math.BigDecimal;

/**
 * {@link dev.covet.migrations.jpa.checks.Gadget}, evolved: the price cap is gone, the stock check is stricter,
 * the name has a new check.
 */
@Entity
@Table(name = "gadgets")
@Check(constraints = "price >= cost")
public class Gadget {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 40, check = @CheckConstraint(name = "ck_gadgets_name", constraint = "name <> ''"))
    public String name;
    @Check(constraints = "price > 0")
    @Column(nullable = false, precision = 10, scale = 2)
    public BigDecimal price;
    @Column(nullable = false, precision = 10, scale = 2)
    public BigDecimal cost;
    @Column(check = @CheckConstraint(constraint = "stock >= 1"))
    public Integer stock;
    @Check(name = "ck_gadgets_size", constraints = "size IN ('S', 'M', 'L')")
    @Column(length = 1)
    public String size;
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public Colour colour;

    /** A colour. */
    public enum Colour { RED, BLUE }
}
