package org.atlascitoyen.importers.directory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atlascitoyen.importers.source.SourceLicence;

/**
 * What one directory import did: the figures of the summary, rejects by reason, what was worked
 * around, the merges (by rule) and the possible duplicates listed for a coordinator to review;
 * and the licence its source has on record (a warning when there is none); what it left as humans
 * made it (fields kept, conflicts queued, rows skipped by the suppression list). Stored as JSON
 * with its import run.
 */
public record DirectoryImportReport(long runId, String kind, String source, String format, String file,
                                    long read, long inserted, long updated, long unchanged, long merged,
                                    long rejected, long noLongerSeen, Map<String, Long> rejectsByReason,
                                    List<String> notes, Map<String, Map<String, Long>> workedAround,
                                    List<Merge> merges, long mergesNotListed, Map<String, Long> mergedByRule,
                                    Map<String, Long> possibleDuplicatesByRule, String rejectFile, String position,
                                    Map<String, Long> phaseMillis, long millis, SourceLicence licence,
                                    List<Gone> noLongerSeenListed, HumanEdits humanEdits,
                                    NaturalPersons naturalPersons) {
    /** The warning of a source without a licence on record, whose data is shown as « licence inconnue ». */
    public static final String UNKNOWN_LICENCE = "licence unknown: the map and exports say \"licence inconnue\" for"
            + " this source; give --licence (and --attribution), or a licence block in the mapping file";

    /** One record merged into an existing one, by the merge {@code id} of table record_merge. */
    public record Merge(long line, String importedName, String existingName, long existingId, String rule, Float score,
                        long id) {
    }

    /** How many pairs the run listed as possible duplicates (merge_candidate), not merged. */
    public long possibleDuplicates() {
        return possibleDuplicatesByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the source has no licence on record: its records are shown under « licence inconnue ». */
    public boolean licenceUnknown() {
        return licence == null || licence.licence() == null;
    }

    /** A record of this source that this full import no longer saw: kept, not deleted, and listed for review. */
    public record Gone(long id, String name, String externalId) {
    }

    /**
     * What the run left as humans made it (importers/README.md, "Human edits and the suppression
     * list"): {@code fieldsKept} fields whose source value differs from the value a moderator
     * approved or an owner wrote, left as they were; {@code conflictsQueued} proposals
     * (import_conflict) added to the moderation queue for them; {@code suppressed} rows skipped
     * because they match the suppression list (neither published nor rejected).
     */
    public record HumanEdits(long fieldsKept, long conflictsQueued, long suppressed) {
        public static final HumanEdits NONE = new HumanEdits(0, 0, 0);
    }

    /**
     * The rows the source's {@code naturalPersons} settings flagged (importers/README.md, "Natural
     * persons"), by action: {@code hidden} published under a neutral name (the real one kept
     * private), {@code rejected} rejected as "personne physique".
     */
    public record NaturalPersons(long hidden, long rejected) {
        public static final NaturalPersons NONE = new NaturalPersons(0, 0);
    }

    /** A report that flagged no natural person. */
    public DirectoryImportReport(long runId, String kind, String source, String format, String file,
                                 long read, long inserted, long updated, long unchanged, long merged,
                                 long rejected, long noLongerSeen, Map<String, Long> rejectsByReason,
                                 List<String> notes, Map<String, Map<String, Long>> workedAround,
                                 List<Merge> merges, long mergesNotListed, Map<String, Long> mergedByRule,
                                 Map<String, Long> possibleDuplicatesByRule, String rejectFile, String position,
                                 Map<String, Long> phaseMillis, long millis, SourceLicence licence,
                                 List<Gone> noLongerSeenListed, HumanEdits humanEdits) {
        this(runId, kind, source, format, file, read, inserted, updated, unchanged, merged, rejected, noLongerSeen,
                rejectsByReason, notes, workedAround, merges, mergesNotListed, mergedByRule, possibleDuplicatesByRule,
                rejectFile, position, phaseMillis, millis, licence, noLongerSeenListed, humanEdits, NaturalPersons.NONE);
    }

    /** Rows skipped by the suppression list: with the published and the rejected ones, every row read. */
    public long suppressed() {
        return humanEdits.suppressed();
    }

    /** A report that left nothing for human edits or the suppression list. */
    public DirectoryImportReport(long runId, String kind, String source, String format, String file,
                                 long read, long inserted, long updated, long unchanged, long merged,
                                 long rejected, long noLongerSeen, Map<String, Long> rejectsByReason,
                                 List<String> notes, Map<String, Map<String, Long>> workedAround,
                                 List<Merge> merges, long mergesNotListed, Map<String, Long> mergedByRule,
                                 Map<String, Long> possibleDuplicatesByRule, String rejectFile, String position,
                                 Map<String, Long> phaseMillis, long millis, SourceLicence licence,
                                 List<Gone> noLongerSeenListed) {
        this(runId, kind, source, format, file, read, inserted, updated, unchanged, merged, rejected, noLongerSeen,
                rejectsByReason, notes, workedAround, merges, mergesNotListed, mergedByRule, possibleDuplicatesByRule,
                rejectFile, position, phaseMillis, millis, licence, noLongerSeenListed, HumanEdits.NONE);
    }

    /** A report without the list of records no longer seen. */
    public DirectoryImportReport(long runId, String kind, String source, String format, String file,
                                 long read, long inserted, long updated, long unchanged, long merged,
                                 long rejected, long noLongerSeen, Map<String, Long> rejectsByReason,
                                 List<String> notes, Map<String, Map<String, Long>> workedAround,
                                 List<Merge> merges, long mergesNotListed, Map<String, Long> mergedByRule,
                                 Map<String, Long> possibleDuplicatesByRule, String rejectFile, String position,
                                 Map<String, Long> phaseMillis, long millis, SourceLicence licence) {
        this(runId, kind, source, format, file, read, inserted, updated, unchanged, merged, rejected, noLongerSeen,
                rejectsByReason, notes, workedAround, merges, mergesNotListed, mergedByRule, possibleDuplicatesByRule,
                rejectFile, position, phaseMillis, millis, licence, List.of());
    }

    public Duration duration() {
        return Duration.ofMillis(millis);
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "Imported %s from %s (source '%s', format %s) in %.1f s, run %d.%n",
                kind, file, source, format, millis / 1000.0, runId);
        notes.forEach(n -> out.println("  note: " + n));
        if (licence == null || licence.licence() == null) {
            out.println("  warning: " + UNKNOWN_LICENCE);
        } else {
            out.println("  licence: " + licence.licence() + (licence.url() == null ? "" : " <" + licence.url() + ">")
                    + (licence.attribution() == null ? "" : ", attribution: " + licence.attribution()));
        }
        out.printf(Locale.ROOT, "  read %,d  inserted %,d  updated %,d  unchanged %,d  merged %,d  rejected %,d  no longer seen %,d%n",
                read, inserted, updated, unchanged, merged, rejected, noLongerSeen);
        if (humanEdits.fieldsKept() + humanEdits.conflictsQueued() + humanEdits.suppressed() > 0) {
            out.printf(Locale.ROOT, "  human edits: fields kept %,d  conflicts queued for moderation %,d  suppressed rows skipped %,d%n",
                    humanEdits.fieldsKept(), humanEdits.conflictsQueued(), humanEdits.suppressed());
        }
        if (naturalPersons.hidden() + naturalPersons.rejected() > 0) {
            out.printf(Locale.ROOT, "  natural persons: published without their name %,d  rejected %,d%n",
                    naturalPersons.hidden(), naturalPersons.rejected());
        }
        if (millis > 0 && read > 0) {
            StringBuilder phases = new StringBuilder();
            phaseMillis.forEach((phase, ms) -> phases.append(phases.length() == 0 ? "" : ", ").append(phase).append(' ').append(ms).append(" ms"));
            out.printf(Locale.ROOT, "  %,d rows/s (%s)%n", Math.round(read * 1000.0 / millis), phases);
        }
        if (!rejectsByReason.isEmpty()) {
            out.println("  rejected by reason:");
            rejectsByReason.forEach((reason, n) -> out.printf(Locale.ROOT, "    %-28s %,d%n", reason, n));
            out.println("  every rejected row, with its " + position + " and reason: " + rejectFile);
        }
        if (!workedAround.isEmpty()) {
            out.println("  worked around (rows kept):");
            workedAround.forEach((what, values) -> {
                long total = values.values().stream().mapToLong(Long::longValue).sum();
                out.printf(Locale.ROOT, "    %s: %,d%n", what, total);
                values.entrySet().stream().filter(e -> !e.getKey().isEmpty()).limit(10)
                        .forEach(e -> out.printf(Locale.ROOT, "      '%s' x%,d%n", e.getKey(), e.getValue()));
            });
        }
        if (!mergedByRule.isEmpty()) {
            out.println("  merges by rule: " + byRule(mergedByRule));
        }
        if (!possibleDuplicatesByRule.isEmpty()) {
            out.printf(Locale.ROOT, "  possible duplicates listed for review, not merged: %,d (%s); see ./atlas merges%n",
                    possibleDuplicates(), byRule(possibleDuplicatesByRule));
        }
        if (!merges.isEmpty()) {
            out.println("  merged into existing records (review them: ./atlas merges done; undo: ./atlas merges undo ID):");
            merges.forEach(m -> out.printf(Locale.ROOT, "    %s %d '%s' -> #%d '%s' (%s%s, merge %d)%n", position, m.line(),
                    m.importedName(), m.existingId(), m.existingName(), m.rule(),
                    m.score() == null || m.score() >= 1 ? "" : String.format(Locale.ROOT, " %.2f", m.score()), m.id()));
            if (mergesNotListed > 0) {
                out.printf(Locale.ROOT, "    ... and %,d more%n", mergesNotListed);
            }
        }
        if (!noLongerSeenListed.isEmpty()) {
            out.println("  no longer in the source (kept, not deleted; provenance marked seen = false):");
            noLongerSeenListed.forEach(g -> out.printf(Locale.ROOT, "    #%d '%s' (id %s)%n", g.id(), g.name(), g.externalId()));
            if (noLongerSeen > noLongerSeenListed.size()) {
                out.printf(Locale.ROOT, "    ... and %,d more%n", noLongerSeen - noLongerSeenListed.size());
            }
        }
    }

    private static String byRule(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((rule, n) -> text.append(text.length() == 0 ? "" : ", ").append(rule).append(' ').append(n));
        return text.toString();
    }

    /** For callers that only have a path. */
    static String name(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
