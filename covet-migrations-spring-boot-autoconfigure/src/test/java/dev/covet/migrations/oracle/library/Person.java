package dev.covet.migrations.oracle.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** The root of a JOINED hierarchy: authors and members each have their own table, keyed by this one's id. */
@Entity
@Table(name = "people")
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Person {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @NotBlank
    @Size(max = 80)
    public String fullName;
    /** Cascaded and not null: the embeddable's own @NotNull columns are NOT NULL too. */
    @Valid
    @NotNull
    @Embedded
    public ContactInfo contact;
    /** CHAR(36) everywhere, by spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type. */
    @Column(nullable = false, unique = true)
    public UUID publicId;
}
