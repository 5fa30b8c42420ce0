package dev.covet.migrations.oracle.v1;

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
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "customers")
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 100)
    public String fullName;
    @Column(nullable = false, unique = true, length = 200)
    public String email;
    /** Dropped in v2. */
    @Column(length = 50)
    public String nickname;
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
