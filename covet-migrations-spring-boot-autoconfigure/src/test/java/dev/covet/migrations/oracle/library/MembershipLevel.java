package dev.covet.migrations.oracle.library;

public enum MembershipLevel {
    BASIC, FAMILY, PATRON
}
