package org.atlascitoyen.mapservice.contribution;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.springframework.stereotype.Component;

/**
 * Checks what a contribution (or a moderator's edit) says before anything is stored: kinds,
 * vocabularies, lengths, characters, dates, web addresses. Every refusal is a
 * {@link BadParameterException} naming the member ({@code fields.name}...), answered 400.
 */
@Component
public class ContributionValidator {

    static final Set<String> KINDS = Set.of("new", "change", "claim", "report");
    static final Set<String> RECORD_KINDS = Set.of("actor", "initiative");
    static final Set<String> REPORT_REASONS = Set.of("wrong", "closed", "spam", "offensive");
    static final int NAME_MAX = 200;
    static final int LONG_TEXT_MAX = 5000;
    static final int SHORT_TEXT_MAX = 300;
    static final int COMMENT_MAX = 2000;
    static final int THEMES_MAX = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,189}\\.[^@\\s<>\"]{2,63}");
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    private static final Pattern COMMUNE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    // C0 controls (but tab, LF, CR), DEL, C1 controls, and the bidirectional overrides that can
    // make a name read backwards on the page.
    private static final Pattern FORBIDDEN = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n\\t]");

    private final Vocabularies vocabularies;
    private final ContributionProperties properties;

    ContributionValidator(Vocabularies vocabularies, ContributionProperties properties) {
        this.vocabularies = vocabularies;
        this.properties = properties;
    }

    /** Checks the envelope of a request: kind, record, charter, report reason, comment. */
    public void checkRequest(ContributionRequest request) {
        oneOf("kind", request.kind(), KINDS);
        oneOf("recordKind", request.recordKind(), RECORD_KINDS);
        if (request.charterVersion() == null) {
            throw new BadParameterException("charterVersion", "Required: the version of the charter the author accepted");
        }
        if (!properties.charterVersion().equals(request.charterVersion())) {
            throw new BadParameterException("charterVersion", "The charter in force is version " + properties.charterVersion()
                    + "; read it again and accept it");
        }
        if (!"new".equals(request.kind()) && (request.recordId() == null || request.recordId() <= 0)) {
            throw new BadParameterException("recordId", "Required for a " + request.kind() + ": the id of the record");
        }
        text("comment", request.comment(), COMMENT_MAX, true);
        switch (request.kind()) {
            case "new" -> fields("fields", request.recordKind(), request.fields(), true);
            case "change" -> {
                if (request.fields() == null || request.fields().isEmpty()) {
                    throw new BadParameterException("fields", "A change names at least one field");
                }
                fields("fields", request.recordKind(), request.fields(), false);
            }
            case "report" -> oneOf("reason", request.reason(), REPORT_REASONS);
            default -> {
                // claim: nothing more than the record.
            }
        }
        if (!"report".equals(request.kind()) && request.reason() != null) {
            throw new BadParameterException("reason", "Only a report has a reason");
        }
        if (!"new".equals(request.kind()) && !"change".equals(request.kind()) && request.fields() != null) {
            throw new BadParameterException("fields", "Only a new record or a change has fields");
        }
    }

    /** Checks an anonymous author's address; returns it in lower case. */
    public String email(String email) {
        if (email == null) {
            throw new BadParameterException("email", "Required when not signed in: the address that confirms the contribution");
        }
        String value = email.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !EMAIL.matcher(value).matches() || FORBIDDEN.matcher(value).find()) {
            throw new BadParameterException("email", "Not an email address");
        }
        return value;
    }

    /**
     * Checks proposed fields; {@code complete} for a new record (name, type or status, and a place
     * are then required).
     */
    public void fields(String member, String recordKind, ProposedFields fields, boolean complete) {
        if (fields == null) {
            throw new BadParameterException(member, "Required: the fields of the record");
        }
        boolean actor = "actor".equals(recordKind);
        if (complete) {
            required(member + ".name", fields.name());
            required(member + (actor ? ".type" : ".status"), actor ? fields.type() : fields.status());
            if (!fields.hasPlace()) {
                throw new BadParameterException(member + ".lon", "Required: a place (lon and lat, or commune)");
            }
        }
        if (fields.name() != null && fields.name().isBlank()) {
            throw new BadParameterException(member + ".name", "A record keeps a name");
        }
        text(member + ".name", fields.name(), NAME_MAX, false);
        if (actor) {
            absent(member + ".status", fields.status(), "an actor has a type, not a status");
            absent(member + ".lessonsLearned", fields.lessonsLearned(), "only an initiative has lessons learned");
            absent(member + ".startDate", fields.startDate(), "only an initiative has dates");
            absent(member + ".endDate", fields.endDate(), "only an initiative has dates");
            if (fields.type() != null) {
                oneOf(member + ".type", fields.type(), vocabularies.actorTypes().keySet());
            }
        } else {
            absent(member + ".type", fields.type(), "an initiative has a status, not a type");
            if (fields.status() != null) {
                oneOf(member + ".status", fields.status(), vocabularies.statuses().keySet());
            }
        }
        themes(member + ".themes", fields.themes());
        text(member + ".description", fields.description(), LONG_TEXT_MAX, true);
        text(member + ".lessonsLearned", fields.lessonsLearned(), LONG_TEXT_MAX, true);
        text(member + ".address", fields.address(), SHORT_TEXT_MAX, false);
        LocalDate start = date(member + ".startDate", fields.startDate());
        LocalDate end = date(member + ".endDate", fields.endDate());
        if (start != null && end != null && end.isBefore(start)) {
            throw new BadParameterException(member + ".endDate", "The end comes before the start");
        }
        if (fields.postcode() != null && !fields.postcode().isEmpty() && !POSTCODE.matcher(fields.postcode()).matches()) {
            throw new BadParameterException(member + ".postcode", "A postcode has five digits");
        }
        website(member + ".website", fields.website());
        place(member, fields);
    }

    private static void place(String member, ProposedFields fields) {
        if ((fields.lon() == null) != (fields.lat() == null)) {
            throw new BadParameterException(member + (fields.lon() == null ? ".lon" : ".lat"), "lon and lat go together");
        }
        if (fields.lon() != null) {
            if (fields.commune() != null) {
                throw new BadParameterException(member + ".commune", "Either a point (lon, lat) or a commune, not both");
            }
            if (!Double.isFinite(fields.lon()) || Math.abs(fields.lon()) > 180) {
                throw new BadParameterException(member + ".lon", "A longitude between -180 and 180");
            }
            if (!Double.isFinite(fields.lat()) || Math.abs(fields.lat()) > 90) {
                throw new BadParameterException(member + ".lat", "A latitude between -90 and 90");
            }
        }
        if (fields.commune() != null && !COMMUNE.matcher(fields.commune()).matches()) {
            throw new BadParameterException(member + ".commune", "An INSEE commune code, such as 31555");
        }
    }

    private void themes(String member, List<String> themes) {
        if (themes == null) {
            return;
        }
        if (themes.size() > THEMES_MAX) {
            throw new BadParameterException(member, "At most " + THEMES_MAX + " themes");
        }
        Set<String> seen = new HashSet<>();
        for (String theme : themes) {
            oneOf(member, theme, vocabularies.themes().keySet());
            if (!seen.add(theme)) {
                throw new BadParameterException(member, "Theme '" + theme + "' twice");
            }
        }
    }

    private static void website(String member, String website) {
        if (website == null || website.isEmpty()) {
            return;
        }
        text(member, website, SHORT_TEXT_MAX, false);
        try {
            URI uri = new URI(website);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new BadParameterException(member, "A web address starting with https:// or http://");
            }
        } catch (URISyntaxException e) {
            throw new BadParameterException(member, "Not a web address");
        }
    }


    private static LocalDate date(String member, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1800 || date.getYear() > 2200) {
                throw new BadParameterException(member, "A year between 1800 and 2200");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new BadParameterException(member, "A date as YYYY-MM-DD");
        }
    }

    /** Checks a text's length and characters; {@code multiline} lets it hold line breaks and tabs. */
    public static void text(String member, String value, int max, boolean multiline) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw new BadParameterException(member, "At most " + max + " characters");
        }
        if (FORBIDDEN.matcher(value).find() || (!multiline && LINE_BREAK.matcher(value).find())) {
            throw new BadParameterException(member, "Holds a control character");
        }
    }

    private static void required(String member, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(member, "Required");
        }
    }

    private static void absent(String member, Object value, String why) {
        if (value != null) {
            throw new BadParameterException(member, "Not a field of this kind: " + why);
        }
    }

    private static void oneOf(String member, String value, Set<String> allowed) {
        if (value == null) {
            throw new BadParameterException(member, "Required: one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        if (!allowed.contains(value)) {
            throw new BadParameterException(member, "Unknown value; one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
    }
}
