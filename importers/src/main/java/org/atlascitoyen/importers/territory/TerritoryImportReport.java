package org.atlascitoyen.importers.territory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a reference import did: the files it used (with their vintage), the kinds it could not
 * find, the territories it loaded per kind, the former codes it maps to today's territories, and
 * every record it could not match or had to repair.
 */
public record TerritoryImportReport(Path dataDirectory, String region, List<DataDirectory.Found> sources,
                                    List<String> missingKinds, List<KindCount> loaded, List<AliasCount> aliases,
                                    List<Issue> issues, Duration elapsed) {

    /** Territories of one kind after the import, and how many have a geometry. */
    public record KindCount(String kind, long total, long withGeometry) {
    }

    /**
     * The former codes of one kind and earlier list ({@code territory_alias}): how many have one
     * successor (read as it), several, or none (withdrawn); the last two are refused with the
     * replacements named.
     */
    public record AliasCount(String kind, String vintage, long oneSuccessor, long severalSuccessors, long withdrawn) {
        public long total() {
            return oneSuccessor + severalSuccessors + withdrawn;
        }
    }

    /** One record the import could not match, or had to repair, with the reason. */
    public record Issue(String kind, String code, String reason) {
    }

    public long loaded(String kind) {
        return loaded.stream().filter(k -> k.kind().equals(kind)).mapToLong(KindCount::total).sum();
    }

    public List<Issue> issues(String kind, String reasonStart) {
        return issues.stream().filter(i -> i.kind().equals(kind) && i.reason().startsWith(reasonStart)).toList();
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "Reference territories of region %s imported from %s in %.1f s%n", region,
                dataDirectory, elapsed.toMillis() / 1000.0);
        out.println("Sources:");
        for (DataDirectory.Found s : sources) {
            out.printf(Locale.ROOT, "  %-21s %s (%s)%n", s.kind(), dataDirectory.relativize(s.file()), s.vintage());
        }
        out.println("Missing kinds: " + (missingKinds.isEmpty() ? "none" : String.join(", ", missingKinds)
                + " (no file for them in the data directory; see data/sources.json)"));
        out.printf("%-12s %8s %14s%n", "Loaded", "count", "with geometry");
        for (KindCount k : loaded) {
            out.printf("  %-10s %8d %14d%n", k.kind(), k.total(), k.withGeometry());
        }
        for (AliasCount a : aliases) {
            out.printf(Locale.ROOT, "Former %s codes (%s): %d, read as their one successor %d, several successors %d,"
                    + " withdrawn %d%n", a.kind(), a.vintage(), a.total(), a.oneSuccessor(), a.severalSuccessors(), a.withdrawn());
        }
        if (issues.isEmpty()) {
            out.println("Everything matched; no geometry needed repair.");
            return;
        }
        out.println("Not matched or repaired:");
        Map<String, List<Issue>> byReason = issues.stream().collect(Collectors.groupingBy(
                i -> i.kind() + ": " + i.reason(), LinkedHashMap::new, Collectors.toList()));
        byReason.forEach((reason, list) -> {
            String codes = list.stream().limit(12).map(Issue::code).collect(Collectors.joining(", "));
            out.printf("  %4d  %s%n        %s%s%n", list.size(), reason, codes, list.size() > 12 ? ", ..." : "");
        });
    }
}
