package dev.covet.migrations.jpa.validated;

import jakarta.persistence.PrePersist;

/** No constructor without arguments: a dependency-injection container makes it, Hibernate alone cannot. */
public class InjectedListener {

    private final Object clock;

    public InjectedListener(Object clock) {
        this.clock = clock;
    }

    @PrePersist
    void stamp(Object entity) {
        clock.toString();
    }
}
