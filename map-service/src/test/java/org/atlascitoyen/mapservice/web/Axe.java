package org.atlascitoyen.mapservice.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Deque's axe-core, the accessibility engine of the browsers' developer tools, run in the page a
 * {@link Browser} shows. The script comes from the axe-core webjar (a test dependency), is injected
 * with {@code executeScript} and run with {@code executeAsyncScript} on the WCAG 2.1 A and AA
 * rules; {@link #assertNoViolations} fails with one line per violation and the elements at fault.
 *
 * <p>axe checks what a program can decide (names, roles, labels, contrast of text, ARIA
 * misuse...): about a third of the RGAA criteria. Keyboard use, focus order and the meaning of
 * texts are checked by the tests themselves, not here.
 */
final class Axe {

    /** The rule sets run: WCAG 2.0 and 2.1, levels A and AA (what the RGAA 4 maps to). */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    private static final String SOURCE = load();

    private Axe() {
    }

    /**
     * Runs axe on the whole document but `excluded` (CSS selectors, each with the reason it is
     * left out written at the call site) and fails listing every violation: rule, impact, what it
     * asks, and for each element its selector and what to fix. `screen` names the state checked.
     */
    @SuppressWarnings("unchecked")
    static void assertNoViolations(Browser browser, String screen, String... excluded) {
        Map<String, Object> results = run(browser, excluded);
        if (!"".equals(results.get("review"))) {
            // What axe could not decide (text over the map, mostly): printed for a person to look at.
            System.out.println("axe: to review by hand on " + screen + ": " + results.get("review"));
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) results.get("violations");
        if (!violations.isEmpty()) {
            fail(report(screen, violations));
        }
    }

    /**
     * What axe finds: {@code violations} (rule id, impact, help, helpUrl, nodes: [{target,
     * summary}]) and {@code review}, the rules it could not decide and where, as one line.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> run(Browser browser, String... excluded) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
            browser.script(SOURCE); // a new document each time the page is opened
        }
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Map<String, Object> answer = (Map<String, Object>) browser.driver.executeAsyncScript("""
                const [excluded, tags, done] = arguments;
                axe.run({ exclude: excluded.map((selector) => [selector]) },
                    { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] })
                  .then((results) => done({ violations: results.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
                  })), review: results.incomplete
                    .map((r) => `${r.id} (${r.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`).join('; ') }))
                  .catch((error) => done({ error: String(error) }));""", List.of(excluded), TAGS);
        if (answer.get("error") != null) {
            fail("axe could not run: " + answer.get("error"));
        }
        return answer;
    }

    @SuppressWarnings("unchecked")
    static String report(String screen, List<Map<String, Object>> violations) {
        StringBuilder out = new StringBuilder()
                .append("axe ").append(version()).append(": ").append(violations.size())
                .append(" WCAG 2.1 A/AA rule(s) violated on ").append(screen).append('\n');
        for (Map<String, Object> v : violations) {
            List<Map<String, Object>> nodes = (List<Map<String, Object>>) v.get("nodes");
            out.append("- ").append(v.get("id")).append(" (").append(v.get("impact")).append(", ")
                    .append(nodes.size()).append(" element(s)): ").append(v.get("help"))
                    .append(" <").append(v.get("helpUrl")).append(">\n");
            for (Map<String, Object> node : nodes.subList(0, Math.min(nodes.size(), 8))) {
                out.append("    ").append(node.get("target")).append("\n      ")
                        .append(String.valueOf(node.get("summary")).replace("\n", "\n      ")).append('\n');
            }
            if (nodes.size() > 8) {
                out.append("    ... and ").append(nodes.size() - 8).append(" more\n");
            }
        }
        return out.toString();
    }

    /** The axe-core version on the test classpath (the webjar's, so no version is written twice). */
    static String version() {
        try (InputStream in = resource(WEBJAR)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String load() {
        try (InputStream in = resource("META-INF/resources/webjars/axe-core/" + version() + "/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Axe.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the test classpath: the axe-core webjar"
                    + " (org.webjars.npm:axe-core, a test dependency of map-service) is missing");
        }
        return in;
    }
}
