package dev.covet.migrations.oracle.v2;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "customers", indexes = @Index(name = "idx_customers_full_name", columnList = "fullName"))
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** Longer than in v1. */
    @Column(nullable = false, length = 150)
    public String fullName;
    /** Renamed from {@code email}: the column becomes {@code email_address}. */
    @Column(nullable = false, unique = true, length = 200)
    public String emailAddress;
    /** New in v2. */
    @Column(length = 30)
    public String phone;
    @Embedded
    public Address address;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CustomerStatus status;
    @Enumerated(EnumType.ORDINAL)
    public Tier tier;
    public LocalDateTime createdAt;
    public boolean active;
    @ElementCollection
    @CollectionTable(name = "customer_aliases",
            joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "alias", length = 60)
    public Set<String> aliases = new HashSet<>();
    @OneToMany(mappedBy = "customer")
    public List<PurchaseOrder> orders = new ArrayList<>();
}
