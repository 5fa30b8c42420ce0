package dev.covet.migrations.oracle.clinic2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

@Entity
@Table(name = "owners")
public class Owner {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 80)
    public String lastName;
    @Column(length = 30)
    public String phoneNumber;
    public LocalDate dateOfBirth;
    /** New and primitive: NOT NULL on a table that has rows. */
    public boolean active;
}
