package dev.covet.migrations.oracle.library;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A single-table subclass: audio books have no runtime, so the column stays nullable despite @NotNull. */
@Entity
@DiscriminatorValue("DVD")
public class Dvd extends MediaItem {
    @NotNull
    @Min(1)
    public Integer runtimeMinutes;
}
