package dev.covet.migrations.oracle.library;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

@Entity
@Table(name = "loans", indexes = @Index(name = "idx_loans_due_on", columnList = "due_on"))
public class Loan {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @NotNull
    @ManyToOne
    public Copy copy;
    @NotNull
    @ManyToOne
    public Member member;
    @NotNull
    public LocalDateTime loanedAt;
    @NotNull
    public LocalDate dueOn;
    public Instant returnedAt;
    @Version
    public Integer version;
}
