package com.example.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.Instant;
import java.util.UUID;

/** No @SpringBootApplication here: the plugin scans the packages of the compiled classes. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uk_customer_email", columnNames = "email"))
public class Customer {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String email;

    private Instant createdAt;
}
