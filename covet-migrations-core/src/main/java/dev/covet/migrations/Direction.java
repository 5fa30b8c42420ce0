package dev.covet.migrations;

/** Which way a migration runs. */
public enum Direction {
    /** Applying. */
    UP,
    /** Rolling back. */
    DOWN
}
