package dev.covet.migrations.testing;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a directory as the classpath resource directory {@code resource} (for a {@code classpath:} location)
 * and counts how often the migration loader lists it: each count is one read of the migration files.
 */
public final class CountingClassLoader extends ClassLoader {

    private final String resource;
    private final Path dir;
    private final AtomicInteger scans = new AtomicInteger();

    public CountingClassLoader(String resource, Path dir) {
        super(CountingClassLoader.class.getClassLoader());
        this.resource = resource;
        this.dir = dir;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (name.equals(resource)) {
            scans.incrementAndGet();
            return Collections.enumeration(List.of(dir.toUri().toURL()));
        }
        return super.getResources(name);
    }

    /** How often the directory was listed since the last call, and starts counting again. */
    public int takeScans() {
        return scans.getAndSet(0);
    }
}
