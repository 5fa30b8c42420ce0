package dev.covet.migrations.jpa.validated;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Embeddable
public class Postal {
    @NotNull
    public String city;
    @Size(max = 10)
    public String zip;
}
