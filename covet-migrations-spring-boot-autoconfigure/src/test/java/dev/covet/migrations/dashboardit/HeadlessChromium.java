package dev.covet.migrations.dashboardit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Debian's chromium, run headless to load a page, let its scripts run, and print the resulting DOM. */
final class HeadlessChromium {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private HeadlessChromium() {
    }

    /** The browser: {@code COVET_TEST_CHROMIUM}, else the usual Debian paths. */
    static Optional<Path> find() {
        String configured = System.getenv("COVET_TEST_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** The DOM after the page's scripts ran (up to 10 s of virtual time). */
    static String dumpDom(Path browser, String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("covet-chromium-");
        try {
            Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
                    "--virtual-time-budget=10000", "--dump-dom", url)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within 60 s loading " + url);
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            deleteTree(profile);
        }
    }

    /** Deletes the browser profile; a file the browser still holds is left to the system. */
    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
