package org.atlascitoyen.mapservice.ogc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The outcome of a run of the OGC's test suite, read from its {@code testng-results.xml}: the
 * test methods by status (configuration methods left out), the failed and skipped ones with
 * their parameters and message.
 */
record EtsResults(List<String> passed, Map<String, String> failed, Map<String, String> skipped) {

    /**
     * The only skip the data explain: the test of a bbox response, when the suite's box holds none
     * of the region's features.
     */
    static final String EMPTY_BOX_TEST = "validateFeaturesWithBoundingBoxResponse";
    static final String NO_FEATURE_IN_BOX = "No features were returned for collection.";

    static EtsResults read(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList methods = factory.newDocumentBuilder().parse(xml.toFile()).getElementsByTagName("test-method");
        EtsResults results = new EtsResults(new ArrayList<>(), new TreeMap<>(), new TreeMap<>());
        for (int i = 0; i < methods.getLength(); i++) {
            Element m = (Element) methods.item(i);
            if ("true".equals(m.getAttribute("is-config"))) {
                continue;
            }
            String name = m.getAttribute("name");
            String id = name + " #" + i + " " + text(m, "param").replaceAll("\\s+", " ");
            switch (m.getAttribute("status")) {
                case "PASS" -> results.passed.add(name);
                case "FAIL" -> results.failed.put(id, text(m, "message"));
                case "SKIP" -> results.skipped.put(id, text(m, "message"));
                default -> throw new IllegalStateException("Unknown status " + m.getAttribute("status") + " of " + name);
            }
        }
        return results;
    }

    /** The skipped tests that the data do not explain: the suite missed a path, a link or a feature. */
    List<String> skippedForLackOfAPath() {
        return skipped.entrySet().stream()
                .filter(s -> !(s.getKey().startsWith(EMPTY_BOX_TEST + " ") && s.getValue().equals(NO_FEATURE_IN_BOX)))
                .map(s -> s.getKey() + ": " + s.getValue()).toList();
    }

    /** The suite's own closing line, as its run script prints it. */
    String closingLine() {
        return passed.size() + " passed, " + failed.size() + " failed, " + skipped.size() + " skipped";
    }

    /** The text of the first element of this name under a test method, trimmed, or "". */
    private static String text(Element method, String tag) {
        NodeList nodes = method.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
