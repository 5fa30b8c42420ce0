package dev.covet.migrations.oracle.library;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "branches")
public class Branch {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;
    @NotBlank
    @Size(max = 60)
    public String name;
    @Valid
    @NotNull
    @Embedded
    public Address address;
    /** A collection of embeddables: a table with no primary key (a bag), keyed to the branch. */
    @ElementCollection
    @CollectionTable(name = "branch_opening_hours", joinColumns = @JoinColumn(name = "branch_id"))
    public List<OpeningHours> openingHours = new ArrayList<>();
}
