package dev.covet.migrations.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/** A name pattern with {@code *} and {@code ?}; everything else matches itself (no regular expressions from users). */
record NamePattern(String text, Pattern regex) {

    static NamePattern of(String text) {
        Objects.requireNonNull(text, "pattern");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a tenant pattern must not be blank (use * for every name)");
        }
        StringBuilder regex = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return new NamePattern(text, Pattern.compile(regex.toString()));
    }

    boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
