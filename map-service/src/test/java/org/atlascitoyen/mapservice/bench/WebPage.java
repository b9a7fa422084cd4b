package org.atlascitoyen.mapservice.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.atlascitoyen.mapservice.web.HeadlessChromium;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * The web map in the system's headless Chromium, read through the page's contract: {@code #map}
 * has {@code data-markers} ({@code loading}, then {@code ready} or {@code failed}) and
 * {@code data-base}, and each drawing of the markers adds a {@code performance.mark('atlas:markers')}.
 * Times come from the page's own performance timeline (milliseconds from the navigation start,
 * or from a change made in the page), so the WebDriver round trips do not count in them.
 *
 * <p>One browser and profile for the whole run. A cold load first clears Chromium's HTTP cache
 * through the DevTools command {@code Network.clearBrowserCache} (the page, scripts, styles and
 * API answers are then all fetched again); a warm load keeps it. Each load is a new document:
 * {@code about:blank} first, so that a URL differing only in its hash is loaded, not scrolled to.
 */
final class WebPage implements AutoCloseable {

    /** How long the page may take to draw its markers, or to settle after a change. */
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
    /** A load or a change is over when nothing changed (state, marks, requests) for this long. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    /** Keeps Selenium's warning that it has no DevTools binding for this Chromium version out of the figures. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    /**
     * Waits in the page, without WebDriver round trips that would take CPU from it, until the
     * markers are drawn (a load: and the base too; a change: a new mark) and then nothing changed
     * (status, marks, requests) for a while. Calls back true, or false after the timeout.
     */
    private static final String SETTLE_SCRIPT = """
            const done = arguments[arguments.length - 1];
            const [load, marksBefore, settleMs, timeoutMs] = arguments;
            const state = () => {
              const map = document.getElementById('map');
              return [map?.dataset.markers ?? '', map?.dataset.base ?? '',
                      performance.getEntriesByName('atlas:markers').length,
                      performance.getEntriesByType('resource').length];
            };
            const finished = ([markers, base, marks]) => load
                ? markers === 'failed' || markers === 'ready' && marks > 0 && base !== '' && base !== 'loading'
                : marks > marksBefore && markers !== 'loading';
            const start = performance.now();
            let last = '';
            let since = start;
            (function poll() {
              const s = state();
              const now = performance.now();
              if (s.join('|') !== last) {
                last = s.join('|');
                since = now;
              } else if (finished(s) && now - since >= settleMs) {
                return done(true);
              }
              if (now - start > timeoutMs) return done(false);
              setTimeout(poll, 50);
            })();""";

    /** Everything a load measures, read once it has settled. */
    private static final String READ = """
            const entry = (e) => [e.name, e.transferSize, e.encodedBodySize, e.decodedBodySize, e.startTime,
                                  e.requestStart, e.responseStart, e.responseEnd];
            const nav = performance.getEntriesByType('navigation')[0];
            const map = document.getElementById('map');
            const clusters = [...map.querySelectorAll('.actor-cluster')];
            const dots = map.querySelectorAll('.actor-dot').length;
            return {
              navigation: entry(nav), domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
              marks: performance.getEntriesByName('atlas:markers').map((m) => m.startTime),
              resources: performance.getEntriesByType('resource').map(entry),
              clusters: clusters.length, dots: dots,
              actors: clusters.reduce((n, c) => n + (parseInt(c.textContent, 10) || 0), 0) + dots,
              markers: map.dataset.markers ?? '', base: map.dataset.base ?? '', hash: location.hash};""";

    /** One request as the Resource Timing API tells it; times in ms from the document's start. */
    record Resource(String url, long transfer, long encoded, long decoded, double start, double requestStart,
                    double responseStart, double end) {

        String path() {
            URI uri = URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }

        boolean local() {
            String host = URI.create(url).getHost();
            return "localhost".equals(host) || "127.0.0.1".equals(host);
        }

        boolean clusters() {
            return local() && URI.create(url).getRawPath().endsWith("/api/actors/clusters");
        }

        double duration() {
            return end - start;
        }

        /** From the request sent to its answer's first byte: the service's time, plus loopback. */
        double waiting() {
            return responseStart - requestStart;
        }
    }

    /** The markers on the map: cluster discs, single actors, and the actors they stand for. */
    record Markers(int clusters, int dots, long actors) {

        int drawn() {
            return clusters + dots;
        }
    }

    /**
     * One page load, settled.
     *
     * @param marks      every {@code atlas:markers} mark, ms from the navigation start
     * @param document   the navigation entry
     * @param resources  every other request, in the order they started
     * @param state      {@code data-markers} at the end: {@code ready}, or {@code failed}/{@code loading} when it failed
     * @param hash       the URL hash the page wrote (its view)
     */
    record Load(double domContentLoaded, double load, List<Double> marks, Resource document, List<Resource> resources,
                Markers markers, String state, String base, String hash) {

        boolean ready() {
            return state.equals("ready") && !marks.isEmpty();
        }

        double firstMarkers() {
            return marks.get(0);
        }

        /** The last request for the actors' clusters, if any. */
        Resource clusters() {
            return resources.stream().filter(Resource::clusters).reduce((a, b) -> b).orElse(null);
        }
    }

    /**
     * What a change made in a loaded page did, times in ms from the change.
     *
     * @param first    the first drawing of the markers after the change, or -1 when none came
     * @param last     the last one before the page settled
     * @param redraws  how many drawings the change caused
     * @param clusters the last request for clusters it made (null when none)
     */
    record Change(double first, double last, int redraws, Markers markers, Resource clusters, String hash) {

        boolean redrawn() {
            return redraws > 0;
        }
    }

    private final ChromeDriver browser;
    private final Path profile;
    private final String origin;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Ctrl-C skips close(): the hook still ends chromedriver and Chromium, which would otherwise outlive the JVM. */
    private final Thread quitOnExit = new Thread(this::quit, "quit-bench-browser");

    private WebPage(ChromeDriver browser, Path profile, String origin) {
        this.browser = browser;
        this.profile = profile;
        this.origin = origin;
        Runtime.getRuntime().addShutdownHook(quitOnExit);
    }

    /** Starts Chromium for the service at {@code http://localhost:PORT}. */
    static WebPage start(int port) throws IOException {
        String missing = HeadlessChromium.missing();
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        Path profile = Files.createTempDirectory("atlas-bench-chromium-");
        try {
            ChromeDriver browser = HeadlessChromium.start(profile);
            // The page waits for itself (SETTLE_SCRIPT), at most a load timeout and a bit.
            browser.manage().timeouts().scriptTimeout(LOAD_TIMEOUT.plusSeconds(10));
            return new WebPage(browser, profile, "http://localhost:" + port);
        } catch (RuntimeException e) {
            ImportBench.deleteTree(profile);
            throw e;
        }
    }

    String browserVersion() {
        return browser.getCapabilities().getBrowserName() + " " + browser.getCapabilities().getBrowserVersion();
    }

    /** Empties the HTTP cache: the next load fetches everything again. */
    void clearCache() {
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
    }

    /** Loads {@code pathAndHash} as a new document and waits for its markers and base, then for it to settle. */
    Load load(String pathAndHash) {
        browser.get("about:blank");
        browser.get(origin + pathAndHash);
        if (!settle(true, 0, LOAD_TIMEOUT)) {
            throw new IllegalStateException("the page did not draw its markers and base in " + LOAD_TIMEOUT.toSeconds()
                    + " s: " + pathAndHash);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) browser.executeScript(READ);
        List<Resource> resources = new ArrayList<>();
        for (Object r : (List<?>) read.get("resources")) {
            resources.add(resource((List<?>) r));
        }
        return new Load(number(read.get("domContentLoaded")), number(read.get("load")), numbers(read.get("marks")),
                resource((List<?>) read.get("navigation")), resources, markers(read), (String) read.get("markers"),
                (String) read.get("base"), (String) read.get("hash"));
    }

    /** The current URL hash. */
    String hash() {
        return (String) browser.executeScript("return location.hash");
    }

    /**
     * Sets the URL hash of the loaded page, as a link or the Back button would (the page listens to
     * it), and waits for the markers to be drawn again, or for {@code timeout} when they are not.
     */
    Change changeHash(String hash, Duration timeout) {
        List<?> before = (List<?>) browser.executeScript("""
                const before = [performance.getEntriesByName('atlas:markers').length,
                                performance.getEntriesByType('resource').length, performance.now()];
                location.hash = arguments[0];
                return before;""", hash);
        int marksBefore = ((Number) before.get(0)).intValue();
        int resourcesBefore = ((Number) before.get(1)).intValue();
        double t0 = number(before.get(2));
        boolean redrawn = settle(false, marksBefore, timeout);
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) browser.executeScript(READ);
        List<Double> marks = numbers(read.get("marks"));
        List<?> resources = (List<?>) read.get("resources");
        Resource clusters = null;
        for (Object r : resources.subList(Math.min(resourcesBefore, resources.size()), resources.size())) {
            Resource resource = resource((List<?>) r);
            clusters = resource.clusters() ? resource : clusters;
        }
        int redraws = redrawn ? marks.size() - marksBefore : 0;
        return new Change(redraws > 0 ? marks.get(marksBefore) - t0 : -1, redraws > 0 ? marks.get(marks.size() - 1) - t0 : -1,
                redraws, markers(read), clusters, (String) read.get("hash"));
    }

    /** Raster tile loads that failed since the last call (all of them do: see {@link HeadlessChromium}). */
    int failedTiles() {
        return (int) browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> HeadlessChromium.FAILED_TILE.matcher(e.getMessage()).matches()).count();
    }

    /** Waits for the page to settle (see {@link #SETTLE_SCRIPT}); false after {@code timeout}. */
    private boolean settle(boolean load, int marksBefore, Duration timeout) {
        return Boolean.TRUE.equals(browser.executeAsyncScript(SETTLE_SCRIPT, load, marksBefore, SETTLE.toMillis(),
                timeout.toMillis()));
    }

    private static Resource resource(List<?> e) {
        return new Resource((String) e.get(0), (long) number(e.get(1)), (long) number(e.get(2)), (long) number(e.get(3)),
                number(e.get(4)), number(e.get(5)), number(e.get(6)), number(e.get(7)));
    }

    private static Markers markers(Map<String, Object> read) {
        return new Markers((int) number(read.get("clusters")), (int) number(read.get("dots")), (long) number(read.get("actors")));
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static List<Double> numbers(Object values) {
        return ((List<?>) values).stream().map(WebPage::number).toList();
    }

    @Override
    public void close() {
        quit();
        Bench.removeShutdownHook(quitOnExit);
    }

    private void quit() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            browser.quit();
        } finally {
            try {
                ImportBench.deleteTree(profile);
            } catch (IOException e) {
                System.err.println("Could not delete the browser profile " + profile + ": " + e);
            }
        }
    }
}
