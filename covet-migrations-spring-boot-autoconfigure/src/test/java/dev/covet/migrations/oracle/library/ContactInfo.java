package dev.covet.migrations.oracle.library;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Embeddable
public class ContactInfo {
    @NotNull
    @Size(max = 120)
    public String email;
    @Size(max = 30)
    public String phone;
}
