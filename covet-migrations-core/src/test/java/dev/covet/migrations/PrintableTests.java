package dev.covet.migrations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrintableTests {

    @Test
    void controlCharactersAreEscaped() {
        assertThat(Printable.line("plain text, ünïcode")).isEqualTo("plain text, ünïcode");
        assertThat(Printable.line("a\u001b[2Jb\nc\rd\te\u0000f\u009bg\u2028")).isEqualTo("a\\u001b[2Jb\\nc\\rd\\te\\u0000f\\u009bg\\u2028");
        assertThat(Printable.lines("SELECT 1\n\tFROM t\u001b[0m\r")).isEqualTo("SELECT 1\n\tFROM t\\u001b[0m\\r");
        assertThat(Printable.line(null)).isNull();
        assertThat(Printable.logBlock("failed: SELECT 1\nERROR forged record\n  our own detail\n\tx"))
                .isEqualTo("failed: SELECT 1\n  ERROR forged record\n  our own detail\n\tx");
    }
}
