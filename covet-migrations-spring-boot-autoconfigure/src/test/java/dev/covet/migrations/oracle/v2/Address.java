package dev.covet.migrations.oracle.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Embedded in {@link Customer}: three columns of the customers table. */
@Embeddable
public class Address {
    @Column(length = 120)
    public String street;
    @Column(length = 80)
    public String city;
    @Column(length = 20)
    public String postcode;
}
