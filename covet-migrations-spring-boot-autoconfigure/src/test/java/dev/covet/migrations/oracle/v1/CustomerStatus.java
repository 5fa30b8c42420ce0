package dev.covet.migrations.oracle.v1;

/** Stored by name ({@code EnumType.STRING}). */
public enum CustomerStatus { ACTIVE, SUSPENDED, CLOSED }
