package dev.covet.migrations.internal.loader;

/**
 * How the {@link YamlSubsetParser} classes give up on a text: {@link #UNSUPPORTED} is thrown, and
 * {@link YamlSubsetParser#parse} turns it into {@link java.util.Optional#empty()} so that Jackson reads the file.
 * Giving up is routine, so the one shared instance carries no stack trace.
 */
final class YamlUnsupported extends RuntimeException {

    static final YamlUnsupported UNSUPPORTED = new YamlUnsupported();

    private YamlUnsupported() {
        super(null, null, false, false);
    }
}
