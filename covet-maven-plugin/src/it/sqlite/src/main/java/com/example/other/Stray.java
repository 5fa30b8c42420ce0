package com.example.other;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Outside the application's package: Boot would not manage it, so makemigrations must not create its table. */
@Entity
public class Stray {

    @Id
    private Long id;
}
