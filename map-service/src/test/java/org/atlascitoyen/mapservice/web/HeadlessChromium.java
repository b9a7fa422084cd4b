package org.atlascitoyen.mapservice.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The system's headless Chromium driven through chromedriver, as the browser tests
 * ({@link Browser}) and {@code ./atlas bench web} start it.
 *
 * <p>Chromium resolves no host name but {@code localhost}: the OpenStreetMap raster tiles always
 * fail fast, as they do offline, so the map shows the vector base alone, never hits the OSM
 * servers and does not depend on the network. The browser's console is kept (all levels), so a
 * caller can tell failed tile loads from other errors.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages
 * {@code chromium} and {@code chromium-driver}); other paths through the system properties
 * {@code atlas.test.chromium} and {@code webdriver.chrome.driver}.
 */
public final class HeadlessChromium {

    public static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    public static final String CHROMIUM = System.getProperty("atlas.test.chromium", "/usr/bin/chromium");

    /** What Chromium logs for a raster tile it could not load. */
    public static final Pattern FAILED_TILE = Pattern.compile(
            "https://tile\\.openstreetmap\\.org/\\d+/\\d+/\\d+\\.png - Failed to load resource: net::ERR_[A-Z_]+");

    private HeadlessChromium() {
    }

    /** What is missing to start the browser, as a sentence with the way to install it; null when nothing is. */
    public static String missing() {
        for (String program : List.of(CHROMEDRIVER, CHROMIUM)) {
            if (!Files.isExecutable(Path.of(program))) {
                return program + " is missing: the browser tests and `./atlas bench web` need Chromium and chromedriver"
                        + " (Debian/Ubuntu: apt-get install chromium chromium-driver; CI installs them).";
            }
        }
        return null;
    }

    /** Starts the browser, 1280x800, with its profile in {@code profile} (an empty directory). */
    public static ChromeDriver start(Path profile) {
        return start(profile, Map.of());
    }

    /** The same with Chromium preferences ({@code download.default_directory}...). */
    public static ChromeDriver start(Path profile, Map<String, Object> prefs) {
        // With the driver named, Selenium does not run Selenium Manager, which would look for
        // (and try to download) a driver and a browser.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        return new ChromeDriver(options(profile, prefs));
    }

    private static ChromeOptions options(Path profile, Map<String, Object> prefs) {
        ChromeOptions options = new ChromeOptions();
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,800", "--user-data-dir=" + profile,
                // Only the service resolves: tiles fail fast and identically everywhere.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                // The page honours reduced motion by moving the map without animation: a
                // screenshot taken once the panel is loaded shows the final view, not a frame
                // of a zoom, and a move draws its markers without waiting for an animation.
                "--force-prefers-reduced-motion");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        return options;
    }
}
