package dev.covet.migrations.oracle.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.DayOfWeek;
import java.time.LocalTime;

@Embeddable
public class OpeningHours {
    @Enumerated(EnumType.STRING)
    @Column(name = "weekday", nullable = false)
    public DayOfWeek weekday;
    public LocalTime opens;
    public LocalTime closes;
}
