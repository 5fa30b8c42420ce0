package dev.covet.migrations.dashboardit;

import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the dashboard's panels are in a loaded page, measured in the page itself, and the checks on them: every
 * panel present with a size, inside the page's width and height, no horizontal scrolling of the body; and, on a
 * screenshot of the same page, every panel drawn (more than its background) where it was measured.
 */
final class Layout {

    /** The panels every dashboard shows, whatever the data. */
    static final List<String> PANELS = List.of("cards", "velocity-panel", "success-panel", "lock-panel", "drift-panel",
            "pending-panel", "failed-migrations-panel", "graph-panel", "recent-panel", "failed-panel");

    private static final String MEASURE = """
            (() => {
              const doc = document.documentElement;
              const panels = {};
              for (const id of %s) {
                const e = document.getElementById(id);
                if (!e) { panels[id] = null; continue; }
                const r = e.getBoundingClientRect();
                panels[id] = {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height};
              }
              return {viewportWidth: window.innerWidth, pageWidth: doc.scrollWidth, pageHeight: doc.scrollHeight,
                      bodyWidth: document.body.scrollWidth, panels};
            })()""";

    private final ChromiumPage page;
    private final JsonNode measured;

    private Layout(ChromiumPage page, JsonNode measured) {
        this.page = page;
        this.measured = measured;
    }

    static Layout measure(ChromiumPage page) throws IOException {
        String ids = PANELS.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElseThrow();
        return new Layout(page, page.evaluate(MEASURE.formatted(ids)));
    }

    /** Every panel present, with a size, within the viewport's width and the page's height; the body never wider. */
    void assertPanelsInsideThePage() {
        int viewport = measured.get("viewportWidth").asInt();
        assertThat(measured.get("pageWidth").asInt()).as("page width (horizontal overflow)").isLessThanOrEqualTo(viewport);
        assertThat(measured.get("bodyWidth").asInt()).as("body width (horizontal overflow)").isLessThanOrEqualTo(viewport);
        for (String id : PANELS) {
            JsonNode r = measured.get("panels").get(id);
            assertThat(r.isNull()).as(id + " present").isFalse();
            assertThat(r.get("width").asDouble()).as(id + " width").isPositive();
            assertThat(r.get("height").asDouble()).as(id + " height").isPositive();
            assertThat(r.get("x").asDouble()).as(id + " left").isGreaterThanOrEqualTo(0);
            assertThat(r.get("x").asDouble() + r.get("width").asDouble()).as(id + " right").isLessThanOrEqualTo(viewport);
            assertThat(r.get("y").asDouble() + r.get("height").asDouble()).as(id + " bottom")
                    .isLessThanOrEqualTo(measured.get("pageHeight").asDouble());
        }
    }

    /** The screenshot is the whole page, and each panel's area in it holds a drawing, not one flat colour. */
    void assertPicture(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG at " + png).isNotNull();
        assertThat(image.getWidth()).as("screenshot width").isEqualTo(measured.get("pageWidth").asInt());
        assertThat(image.getHeight()).as("screenshot height").isEqualTo(measured.get("pageHeight").asInt());
        for (String id : PANELS) {
            JsonNode r = measured.get("panels").get(id);
            int x0 = (int) r.get("x").asDouble(), y0 = (int) r.get("y").asDouble();
            int x1 = Math.min(image.getWidth(), (int) (r.get("x").asDouble() + r.get("width").asDouble()));
            int y1 = Math.min(image.getHeight(), (int) (r.get("y").asDouble() + r.get("height").asDouble()));
            Set<Integer> colours = new HashSet<>();
            for (int y = y0; y < y1 && colours.size() < 3; y++) {
                for (int x = x0; x < x1 && colours.size() < 3; x++) {
                    colours.add(image.getRGB(x, y));
                }
            }
            // A border, a background and text or bars: a panel drawn blank would be one or two colours.
            assertThat(colours).as(id + " drawn in " + png).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    /** The text of an expression evaluated in the page. */
    String value(String expression) throws IOException {
        return page.evaluate(expression).asString();
    }

    /** The number an expression evaluates to in the page. */
    double number(String expression) throws IOException {
        return page.evaluate(expression).asDouble();
    }

    /** How many elements match a CSS selector. */
    int count(String selector) throws IOException {
        return page.evaluate("document.querySelectorAll(\"" + selector.replace("\"", "\\\"") + "\").length").asInt();
    }
}
