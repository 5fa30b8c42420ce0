package dev.covet.migrations.it;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Matches {@code db/it-migrations/0001_create_gadget.yaml}. */
@Entity
@Table(name = "gadget")
public class Gadget {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100)
    String name;

    protected Gadget() {
    }

    Gadget(String name) {
        this.name = name;
    }
}
