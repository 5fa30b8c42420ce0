package dev.covet.migrations.jpa.validated;

import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotNull;

/** A single-table subclass: its columns are shared with the other subclasses' rows, so they stay nullable. */
@Entity
public class Dog extends Animal {
    @NotNull
    public String breed;
}
