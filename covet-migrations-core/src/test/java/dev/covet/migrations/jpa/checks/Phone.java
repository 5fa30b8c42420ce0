package dev.covet.migrations.jpa.checks;

import jakarta.persistence.Entity;

/** A subclass in {@link Device}'s table. */
@Entity
public class Phone extends Device {
    public String number;
}
