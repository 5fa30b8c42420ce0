package dev.covet.migrations.internal.loader;

import dev.covet.migrations.MigrationException;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists migration files in a classpath directory, in exploded directories and in jars (including Spring Boot's
 * nested jars, through their {@link JarURLConnection}).
 */
final class ClasspathScanner {

    private ClasspathScanner() {
    }

    static List<RawFile> scan(ClassLoader classLoader, Location location) {
        List<RawFile> files = new ArrayList<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(location.path());
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    files.addAll(FilesystemScanner.scan(Path.of(url.toURI()), location.text()));
                } else {
                    files.addAll(scanJar(url, location));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new MigrationException("cannot read migration location " + location.text() + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static List<RawFile> scanJar(URL url, Location location) throws IOException {
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new MigrationException("migration location " + location.text() + " is in " + url
                    + ", which is neither a directory nor a jar");
        }
        jarConnection.setUseCaches(false);
        String entryPrefix = jarConnection.getEntryName() == null ? location.path() + "/"
                : jarConnection.getEntryName().replaceAll("/+$", "") + "/";
        List<RawFile> files = new ArrayList<>();
        try (JarFile jar = jarConnection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(entryPrefix) || name.contains("..")) {
                    continue;
                }
                String fileName = name.substring(name.lastIndexOf('/') + 1);
                if (FileFormat.ofFileName(fileName).isEmpty()) {
                    continue;
                }
                String display = location.text() + "/" + name.substring(entryPrefix.length());
                if (entry.getSize() > MigrationLoader.MAX_FILE_BYTES) {
                    throw MigrationLoader.tooLarge(display);
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    files.add(new RawFile(fileName, display, MigrationLoader.readBounded(in, display)));
                }
            }
        }
        return files;
    }
}
