package dev.covet.migrations.jpa.validated;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

@Entity
@Table(name = "members")
public class Member {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @NotNull
    public String fullName;
    @NotBlank
    @Size(max = 40)
    public String handle;
    @NotEmpty
    @Column(length = 12)
    public String code;
    @Size(min = 2, max = 500)
    public String bio;
    /** @Size on a collection-free String without max: the default length stays. */
    @Size(min = 1)
    public String motto;
    @NotNull
    @ManyToOne
    public Team team;
    @Valid
    @Embedded
    public Postal home;
    /** Cascaded and itself not null: its own @NotNull columns are NOT NULL too. */
    @Valid
    @NotNull
    @Embedded
    @AttributeOverride(name = "city", column = @Column(name = "billing_city"))
    @AttributeOverride(name = "zip", column = @Column(name = "billing_zip"))
    public Postal billing;
    /** Not cascaded: its constraints are not Hibernate's to apply. */
    @Embedded
    @AttributeOverride(name = "city", column = @Column(name = "work_city"))
    @AttributeOverride(name = "zip", column = @Column(name = "work_zip"))
    public Postal work;
    public transient List<String> ignored;
}
