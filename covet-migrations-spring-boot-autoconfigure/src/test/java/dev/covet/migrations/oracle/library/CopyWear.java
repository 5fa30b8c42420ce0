package dev.covet.migrations.oracle.library;

public enum CopyWear {
    NEW, GOOD, WORN, DAMAGED
}
