package dev.covet.migrations.oracle.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "publishers")
public class Publisher {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;
    @NotBlank
    @Size(max = 100)
    @Column(unique = true)
    public String name;
    /** Not cascaded (no @Valid): none of the address's constraints are part of this table's DDL, as Hibernate has it. */
    @Embedded
    public Address address;
}
