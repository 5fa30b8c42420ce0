package dev.covet.migrations.light;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A note: the light application's only entity. */
@Entity
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String text;

    protected Note() {
    }

    Note(String text) {
        this.text = text;
    }

    Long getId() {
        return id;
    }

    String getText() {
        return text;
    }
}
