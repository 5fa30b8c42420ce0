package dev.covet.migrations.oracle.v2;

/** Stored by name ({@code EnumType.STRING}). */
public enum CustomerStatus { ACTIVE, SUSPENDED, CLOSED }
