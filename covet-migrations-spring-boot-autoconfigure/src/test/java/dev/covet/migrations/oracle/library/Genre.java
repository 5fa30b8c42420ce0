package dev.covet.migrations.oracle.library;

public enum Genre {
    FICTION, HISTORY, SCIENCE, POETRY
}
