package dev.covet.migrations.oracle.v1;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("BANK")
public class BankPayment extends Payment {
    @Column(length = 34)
    public String iban;
}
