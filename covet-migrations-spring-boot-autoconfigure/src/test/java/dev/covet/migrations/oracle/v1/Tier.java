package dev.covet.migrations.oracle.v1;

/** Stored by position ({@code EnumType.ORDINAL}). */
public enum Tier { BRONZE, SILVER, GOLD }
