package dev.covet.migrations.oracle.v2;

/** Stored by position ({@code EnumType.ORDINAL}). */
public enum Tier { BRONZE, SILVER, GOLD }
