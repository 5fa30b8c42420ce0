package dev.covet.migrations.jpa.validated;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

/** Has an entity listener only the application's container can make (as Spring makes one with its dependencies). */
@Entity
@Table(name = "tickets")
@EntityListeners(InjectedListener.class)
public class Ticket {
    @Id
    public Long id;
    @NotNull
    public String subject;
}
