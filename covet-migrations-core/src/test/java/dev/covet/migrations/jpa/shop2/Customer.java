package dev.covet.migrations.jpa.shop2;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** Version 2: email renamed to email_address, full_name widened, active dropped, phone added. */
@Entity
@Table(name = "customers", indexes = @Index(name = "idx_customers_full_name", columnList = "fullName"))
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(nullable = false, length = 150)
    String fullName;
    @Column(unique = true, length = 200)
    String emailAddress;
    @Embedded
    Address address;
    LocalDateTime createdAt;
    @Column(length = 30)
    String phone;
}
