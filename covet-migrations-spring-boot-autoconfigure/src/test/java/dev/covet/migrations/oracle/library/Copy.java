package dev.covet.migrations.oracle.library;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** One physical copy of a book, shelved at a branch. */
@Entity
@Table(name = "copies", uniqueConstraints = @UniqueConstraint(name = "uk_copies_branch_barcode",
        columnNames = {"branch_id", "barcode"}))
public class Copy {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @NotNull
    @ManyToOne
    public Book book;
    @ManyToOne
    @JoinColumn(name = "branch_id")
    public Branch branch;
    @NotBlank
    @Size(max = 32)
    public String barcode;
    @Enumerated(EnumType.ORDINAL)
    public CopyWear wear;
    @NotNull
    public LocalDate acquiredOn;
}
