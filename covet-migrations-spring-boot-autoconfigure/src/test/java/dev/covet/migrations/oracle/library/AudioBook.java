package dev.covet.migrations.oracle.library;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Entity
@DiscriminatorValue("AUDIO")
public class AudioBook extends MediaItem {
    @NotBlank
    @Size(max = 80)
    public String narrator;
    public Integer durationMinutes;
}
