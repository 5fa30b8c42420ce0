package dev.covet.migrations.loader;

import java.util.List;

/** Finds migration files in classpath and filesystem locations. STUB: being written. */
public final class MigrationLoader {
    private final ClassLoader classLoader;

    public MigrationLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public List<MigrationSource> list(List<String> locations) {
        throw new UnsupportedOperationException("not yet");
    }
}
