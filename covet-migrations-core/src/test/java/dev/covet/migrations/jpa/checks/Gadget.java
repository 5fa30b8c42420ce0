package dev.covet.migrations.jpa.checks;

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

/** Every way an entity declares a CHECK: Hibernate's {@code @Check} on class and field, Jakarta's on table and column. */
@Entity
@Table(name = "gadgets", check = @CheckConstraint(name = "ck_gadgets_price_cap", constraint = "price < 10000"))
@Check(constraints = "price >= cost")
public class Gadget {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 40)
    public String name;
    @Check(constraints = "price > 0")
    @Column(nullable = false, precision = 10, scale = 2)
    public BigDecimal price;
    @Column(nullable = false, precision = 10, scale = 2)
    public BigDecimal cost;
    @Column(check = @CheckConstraint(constraint = "stock >= 0"))
    public Integer stock;
    @Check(name = "ck_gadgets_size", constraints = "size IN ('S', 'M', 'L')")
    @Column(length = 1)
    public String size;
    /** Hibernate may add its own CHECK for enums; that one is not declared and must not be read. */
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public Colour colour;

    /** A colour. */
    public enum Colour { RED, BLUE }
}
