package dev.covet.migrations.dashboardit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One page in headless Chromium, driven over the DevTools protocol: navigate, evaluate script in the page, take a
 * PNG screenshot of the whole page. Measuring and photographing the same live page (rather than a DOM dump and a
 * separate {@code --screenshot} run) is what lets a test say that what it measured is what the picture shows.
 */
final class ChromiumPage implements AutoCloseable {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private ChromiumPage(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts the browser with a blank page of the given viewport size and attaches to that page. */
    static ChromiumPage open(Path browser, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("covet-chromium-");
        Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=" + width + "," + height,
                "about:blank").redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            int port = devToolsPort(profile, process);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
            String pageSocket = null;
            for (JsonNode target : targets) {
                if ("page".equals(target.get("type").asString())) {
                    pageSocket = target.get("webSocketDebuggerUrl").asString();
                }
            }
            if (pageSocket == null) {
                throw new IllegalStateException("chromium opened no page: " + targets);
            }
            Holder holder = new Holder();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), holder.listener)
                    .get(STEP.toSeconds(), TimeUnit.SECONDS);
            ChromiumPage page = new ChromiumPage(process, profile, socket);
            holder.page = page;
            page.call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", false));
            return page;
        } catch (Exception e) {
            process.destroyForcibly();
            HeadlessChromium.deleteTree(profile);
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot drive chromium: " + e, e);
        }
    }

    /** Loads a URL and waits until {@code <body data-loaded>} is set (by the page's script) or 30 s pass. */
    String load(String url) throws IOException {
        call("Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + STEP.toNanos();
        IllegalStateException last = null;
        while (System.nanoTime() < deadline) {
            try {
                // The page loads its data by fetch: a promise in the page resolves once the script marks the body.
                return evaluate("new Promise(resolve => { const check = () => { const v = document.body"
                        + " && document.body.getAttribute('data-loaded'); if (v) resolve(v); else setTimeout(check, 25); };"
                        + " check(); })").asString();
            } catch (IllegalStateException e) {
                // evaluated in about:blank while the navigation replaced it: ask the new document
                last = e;
            }
        }
        throw new IllegalStateException("the page at " + url + " did not finish loading within " + STEP, last);
    }

    /** Evaluates an expression in the page (awaiting a promise) and returns its value as JSON. */
    JsonNode evaluate(String expression) throws IOException {
        JsonNode reply = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (reply.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + reply.get("exceptionDetails"));
        }
        return reply.path("result").path("value");
    }

    /** A PNG of the whole page (beyond the viewport), written to {@code file}. */
    Path screenshot(Path file) throws IOException {
        JsonNode metrics = call("Page.getLayoutMetrics", Map.of());
        JsonNode size = metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width").asDouble(),
                "height", size.get("height").asDouble(), "scale", 1);
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asString()));
        return file;
    }

    private JsonNode call(String method, Map<String, ?> params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).join();
        try {
            JsonNode answer = reply.get(STEP.toSeconds(), TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            }
            return answer.get("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(method + " got no answer: " + e, e);
        } finally {
            replies.remove(id);
        }
    }

    private void received(String text) {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = replies.get(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
        }
    }

    /** Chromium writes the port it chose into {@code DevToolsActivePort} in its profile once it listens. */
    private static int devToolsPort(Path profile, Process process) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + STEP.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue() + " before listening");
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        throw new IOException("chromium did not open its DevTools port within " + STEP);
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        HeadlessChromium.deleteTree(profile);
    }

    /** Joins the fragments of each text message and hands whole messages to the page. */
    private static final class Holder {
        private volatile ChromiumPage page;
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    if (page != null) {
                        page.received(text);
                    }
                }
                webSocket.request(1);
                return null;
            }
        };
    }
}
