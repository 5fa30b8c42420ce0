package dev.covet.migrations.jpa.checks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;

/** Two different checks under one name: the model reader must refuse it. */
@Entity
@Table(name = "clashes")
@Check(name = "ck_clashes_a", constraints = "a > 0")
public class Clash {
    @Id
    public Long id;
    @Check(name = "ck_clashes_a", constraints = "a < 10")
    public Integer a;
}
