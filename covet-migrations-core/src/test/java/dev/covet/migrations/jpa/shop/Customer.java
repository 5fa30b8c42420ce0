package dev.covet.migrations.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

@Entity
@Table(name = "customers", indexes = @Index(name = "idx_customers_full_name", columnList = "fullName"))
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(nullable = false, length = 100)
    String fullName;
    @Column(unique = true, length = 200)
    String email;
    @Embedded
    Address address;
    LocalDateTime createdAt;
    boolean active;
}
