package dev.covet.migrations.oracle.library;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Embeddable
public class Address {
    @Size(max = 100)
    public String street;
    @NotNull
    @Size(max = 60)
    public String city;
    @Size(max = 10)
    public String postcode;
}
