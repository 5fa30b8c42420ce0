package dev.covet.migrations.oracle.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A JOINED subclass: its own table, so its @NotNull columns are NOT NULL (unlike a single-table subclass's). */
@Entity
@Table(name = "members")
public class Member extends Person {
    @NotNull
    @Size(max = 20)
    @Column(unique = true)
    public String cardNumber;
    @NotNull
    @Enumerated(EnumType.ORDINAL)
    public MembershipLevel level;
}
