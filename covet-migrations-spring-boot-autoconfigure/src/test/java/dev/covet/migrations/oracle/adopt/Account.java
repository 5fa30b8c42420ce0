package dev.covet.migrations.oracle.adopt;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

import java.math.BigDecimal;
import java.time.LocalDateTime;

@Entity
@Table(name = "accounts")
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, unique = true, length = 200)
    public String email;
    @Column(nullable = false, length = 100)
    public String displayName;
    @Column(nullable = false, precision = 12, scale = 2)
    @ColumnDefault("0")
    public BigDecimal balance;
    @Column(nullable = false)
    @ColumnDefault("true")
    public boolean active = true;
    @Column(nullable = false)
    @ColumnDefault("CURRENT_TIMESTAMP")
    public LocalDateTime createdAt;
    /** Not in the database yet: the one difference after adopting it. */
    @Column(length = 30)
    public String phone;
}
