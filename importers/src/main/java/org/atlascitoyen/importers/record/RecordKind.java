package org.atlascitoyen.importers.record;

import static org.atlascitoyen.importers.record.RecordField.column;
import static org.atlascitoyen.importers.record.RecordField.expression;
import static org.atlascitoyen.importers.record.RecordField.relation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of record of the atlas, each described once: where it is stored and published, how
 * the API, the exports, OGC API Features and the tiles name it, the vocabulary that sorts it, and
 * which public fields each output shows, in which order. The importers and the map service both
 * read this description instead of keeping per-kind copies.
 *
 * <p>Privacy is the schema's: the service reads a kind through its public view
 * ({@link #publicView()}, Flyway V7), which holds no private column, and the service's database
 * role cannot read the table itself. Fields are expressions on that view.
 *
 * <p>To add a kind, see "Adding a kind of record" in the README.
 */
public enum RecordKind {

    ACTOR("actor", "actors", "Acteurs", "Qui agit où : associations, collectivités, collectifs d'habitants, "
            + "tiers-lieux, structures de l'ESS... (champs publics seulement)",
            new Category("type", "actor_type", "code", "Type d'acteur"),
            List.of(column("siren", ValueType.TEXT), column("rna", ValueType.TEXT),
                    // true when the actor takes messages through the contact relay (V18): never the address
                    column("contactable", ValueType.BOOLEAN)),
            List.of(new Link("initiatives", "initiative", "sql/record/actor-initiatives.sql")),
            Map.of(Shape.LIST, "name type typeLabel themes description website precision commune communeName epci"
                            + " departement updatedAt sources contactable",
                    Shape.DETAIL, "name type typeLabel themes description address postcode website siren rna precision"
                            + " territoryKind territoryCode outOfRegion territories initiatives provenance createdAt"
                            + " updatedAt contactable",
                    Shape.EXPORT, "name type typeLabel themes description address postcode website siren rna precision"
                            + " commune communeName epci departement updatedAt sources contactable",
                    Shape.OGC, "name type typeLabel themes description website precision commune communeName epci petr"
                            + " bassinVie departement region updatedAt sources"),
            "id name type typeLabel themes description address postcode commune communeName epci departement lon lat"
                    + " precision website siren rna updatedAt sources contactable"),

    INITIATIVE("initiative", "initiatives", "Initiatives", "Projets et actions portés par les acteurs, leur statut "
            + "et leurs retours d'expérience",
            new Category("status", "initiative_status", "rank", "Statut de l'initiative"),
            List.of(column("lessonsLearned", ValueType.TEXT), column("startDate", ValueType.DATE),
                    column("endDate", ValueType.DATE),
                    expression("carriers", "carriers",
                            "(SELECT count(*) FROM initiative_actor ia WHERE ia.initiative_id = r.id)",
                            ValueType.INTEGER, null)),
            List.of(new Link("actors", "actor", "sql/record/initiative-actors.sql")),
            Map.of(Shape.LIST, "name status statusLabel themes description lessonsLearned startDate endDate website"
                            + " precision commune communeName epci departement carriers updatedAt sources",
                    Shape.DETAIL, "name status statusLabel themes description lessonsLearned startDate endDate address"
                            + " postcode website precision territoryKind territoryCode outOfRegion territories actors"
                            + " provenance createdAt updatedAt",
                    Shape.EXPORT, "name status statusLabel themes description lessonsLearned startDate endDate address"
                            + " postcode website precision commune communeName epci departement carriers updatedAt"
                            + " sources",
                    Shape.OGC, "name status statusLabel themes description lessonsLearned startDate endDate website"
                            + " precision commune communeName epci petr bassinVie departement region carriers updatedAt"
                            + " sources"),
            "id name status statusLabel themes description lessonsLearned startDate endDate address postcode commune"
                    + " communeName epci departement lon lat precision website carriers updatedAt sources"),

    /*
     * Resource persons (V17): listed only with their consent, placed at their permanence or a
     * commune's point. The view holds the public values only; members-only values are added to a
     * signed-in detail by the persons' own controller. Their perimeter is what "who covers my
     * commune" reads (the territory filter of persons, see FilterSql), not the point.
     */
    PERSON("person", "persons", "Personnes ressources", "Facilitateurs, référents, élus, animateurs qui proposent "
            + "leur aide sur des thèmes et un périmètre (avec leur consentement ; champs publics seulement)",
            new Category("role", "person_role", "rank", "Rôle de la personne ressource"),
            List.of(column("structureName", ValueType.TEXT), column("relayEnabled", ValueType.BOOLEAN),
                    expression("perimeterKeys", "perimeter", "ARRAY(SELECT pp.territory_kind || ':' || pp.territory_code"
                            + " FROM person_perimeter pp WHERE pp.person_id = r.id ORDER BY 1)", ValueType.TEXTS, null),
                    relation("perimeter", "perimeter", ValueType.PERIMETER)),
            List.of(new Link("structure", "actor", "sql/record/person-structure.sql")),
            Map.of(Shape.LIST, "name role roleLabel themes description structureName website precision commune communeName"
                            + " epci departement perimeterKeys relayEnabled updatedAt",
                    Shape.DETAIL, "name role roleLabel themes description structureName structure website address postcode"
                            + " precision territoryKind territoryCode outOfRegion territories perimeter relayEnabled provenance"
                            + " createdAt updatedAt",
                    Shape.EXPORT, "name role roleLabel themes description structureName website address postcode precision"
                            + " commune communeName epci departement perimeterKeys relayEnabled updatedAt",
                    Shape.OGC, "name role roleLabel themes description structureName website precision commune communeName"
                            + " epci petr bassinVie departement region perimeterKeys relayEnabled updatedAt"),
            "id name role roleLabel themes description structureName address postcode commune communeName epci departement"
                    + " lon lat precision website perimeterKeys relayEnabled updatedAt"),

    /*
     * Needs and offers, "petites annonces" (V21): what an actor or a person seeks or offers on a
     * perimeter of territories until a date. The view drops expired and closed ones. Like persons,
     * they are found by the territories of their perimeter, not by their point.
     */
    NEED_OFFER("need_offer", "needs-offers", "Besoins et offres", "Petites annonces du réseau : compétences, "
            + "bénévoles, lieux, matériel, partenaires recherchés ou proposés sur un territoire, jusqu'à une date",
            new Category("nature", "need_offer_nature", "rank", "Besoin ou offre"),
            List.of(column("resource", ValueType.TEXT),
                    expression("resourceLabel", "resourceLabel", "res.label", ValueType.TEXT,
                            "JOIN need_offer_resource res ON res.code = r.resource"),
                    column("skills", ValueType.TEXTS), column("validUntil", ValueType.DATE),
                    column("authorName", ValueType.TEXT), column("relayEnabled", ValueType.BOOLEAN),
                    expression("perimeterKeys", "perimeter", "ARRAY(SELECT pp.territory_kind || ':' || pp.territory_code"
                            + " FROM need_offer_perimeter pp WHERE pp.need_offer_id = r.id ORDER BY 1)", ValueType.TEXTS, null),
                    relation("perimeter", "perimeter", ValueType.PERIMETER)),
            List.of(new Link("actor", "actor", "sql/record/need-offer-actor.sql")),
            Map.of(Shape.LIST, "name nature natureLabel resource resourceLabel skills themes description authorName website"
                            + " precision commune communeName epci departement perimeterKeys validUntil relayEnabled updatedAt",
                    Shape.DETAIL, "name nature natureLabel resource resourceLabel skills themes description authorName actor"
                            + " website address postcode precision territoryKind territoryCode outOfRegion territories perimeter"
                            + " validUntil relayEnabled provenance createdAt updatedAt",
                    Shape.EXPORT, "name nature natureLabel resource resourceLabel skills themes description authorName website"
                            + " address postcode precision commune communeName epci departement perimeterKeys validUntil"
                            + " relayEnabled updatedAt sources",
                    Shape.OGC, "name nature natureLabel resource resourceLabel skills themes description authorName website"
                            + " precision commune communeName epci petr bassinVie departement region perimeterKeys validUntil"
                            + " relayEnabled updatedAt sources"),
            "id name nature natureLabel resource resourceLabel skills themes description authorName address postcode commune"
                    + " communeName epci departement lon lat precision website perimeterKeys validUntil relayEnabled updatedAt"
                    + " sources"),

    /*
     * Events (V21): start and end instants (shown in Europe/Paris), a place or an online link,
     * organisers, a status (confirmed, cancelled). Served as iCalendar feeds too.
     */
    EVENT("event", "events", "Agenda", "Rencontres, formations, ateliers, festivals... avec leurs dates, leur lieu "
            + "ou leur lien en ligne et leurs organisateurs",
            new Category("eventType", "event_type", "event_type", "rank", "Type d'événement"),
            List.of(column("status", ValueType.TEXT), column("startsAt", ValueType.TIMESTAMP),
                    column("endsAt", ValueType.TIMESTAMP), column("allDay", ValueType.BOOLEAN),
                    column("placeName", ValueType.TEXT), column("onlineUrl", ValueType.TEXT), column("uid", ValueType.TEXT)),
            List.of(new Link("organisers", "actor", "sql/record/event-organisers.sql")),
            Map.of(Shape.LIST, "name eventType eventTypeLabel status startsAt endsAt allDay themes description placeName"
                            + " onlineUrl website precision commune communeName epci departement updatedAt sources",
                    Shape.DETAIL, "name eventType eventTypeLabel status startsAt endsAt allDay themes description placeName"
                            + " onlineUrl uid address postcode website precision territoryKind territoryCode outOfRegion"
                            + " territories organisers provenance createdAt updatedAt",
                    Shape.EXPORT, "name eventType eventTypeLabel status startsAt endsAt allDay themes description placeName"
                            + " onlineUrl uid address postcode website precision commune communeName epci departement"
                            + " updatedAt sources",
                    Shape.OGC, "name eventType eventTypeLabel status startsAt endsAt allDay themes description placeName"
                            + " onlineUrl website precision commune communeName epci petr bassinVie departement region"
                            + " updatedAt sources"),
            "id name eventType eventTypeLabel status startsAt endsAt allDay themes description placeName onlineUrl uid"
                    + " address postcode commune communeName epci departement lon lat precision website updatedAt sources"),

    /*
     * The bank of experiences (V21): what was tried, where, by whom, when, what happened and what
     * would be done differently, with its outcome (successes and failures side by side).
     */
    EXPERIENCE("experience", "experiences", "Retours d'expérience", "La banque des expériences : ce qui a été tenté, "
            + "où, par qui, ce qui s'est passé et ce que l'on ferait autrement, réussites et échecs côte à côte",
            new Category("outcome", "experience_outcome", "rank", "Issue de l'expérience"),
            List.of(column("happened", ValueType.TEXT), column("differently", ValueType.TEXT),
                    column("carriedBy", ValueType.TEXT), column("startedOn", ValueType.DATE),
                    column("endedOn", ValueType.DATE), column("publicReached", ValueType.TEXT),
                    column("means", ValueType.TEXT), column("partners", ValueType.TEXT),
                    column("evidenceLinks", ValueType.TEXTS)),
            List.of(new Link("actors", "actor", "sql/record/experience-actors.sql"),
                    new Link("initiative", "initiative", "sql/record/experience-initiative.sql")),
            Map.of(Shape.LIST, "name outcome outcomeLabel themes description happened differently carriedBy startedOn"
                            + " endedOn precision commune communeName epci departement updatedAt sources",
                    Shape.DETAIL, "name outcome outcomeLabel themes description happened differently carriedBy startedOn"
                            + " endedOn publicReached means partners evidenceLinks actors initiative website address postcode"
                            + " precision territoryKind territoryCode outOfRegion territories provenance createdAt updatedAt",
                    Shape.EXPORT, "name outcome outcomeLabel themes description happened differently carriedBy startedOn"
                            + " endedOn publicReached means partners evidenceLinks website address postcode precision commune"
                            + " communeName epci departement updatedAt sources",
                    Shape.OGC, "name outcome outcomeLabel themes description happened differently carriedBy startedOn"
                            + " endedOn publicReached means partners evidenceLinks website precision commune communeName epci"
                            + " petr bassinVie departement region updatedAt sources"),
            "id name outcome outcomeLabel themes description happened differently carriedBy startedOn endedOn publicReached"
                    + " means partners evidenceLinks address postcode commune communeName epci departement lon lat precision"
                    + " website updatedAt sources");

    /** What OGC API Features filters a record on, besides bbox and datetime: its category, themes, territory keys. */
    private static final List<String> QUERYABLES = List.of("theme", "commune", "epci", "petr", "bassinVie",
            "departement", "region");

    private final String table;
    private final String path;
    private final String title;
    private final String description;
    private final Category category;
    private final Map<String, RecordField> fields;
    private final List<Link> links;
    private final Map<Shape, List<RecordField>> shapes = new EnumMap<>(Shape.class);
    private final List<String> csvColumns;

    RecordKind(String table, String path, String title, String description, Category category,
               List<RecordField> ownFields, List<Link> links, Map<Shape, String> shapes, String csvColumns) {
        this.table = table;
        this.path = path;
        this.title = title;
        this.description = description;
        this.category = category;
        this.links = List.copyOf(links);
        this.fields = new LinkedHashMap<>();
        for (RecordField field : commonFields(table, category)) {
            fields.put(field.key(), field);
        }
        for (RecordField field : ownFields) {
            fields.put(field.key(), field);
        }
        for (Link link : links) {
            fields.put(link.name(), relation(link.name(), link.name(), ValueType.LINKED));
        }
        shapes.forEach((shape, keys) -> this.shapes.put(shape, Arrays.stream(keys.split(" ")).map(this::field).toList()));
        this.csvColumns = List.of(csvColumns.split(" "));
        for (String column : this.csvColumns) {
            if (!List.of("id", "lon", "lat").contains(column) && !this.shapes.get(Shape.EXPORT).contains(field(column))) {
                throw new IllegalStateException(table + ": CSV column " + column + " is not in the export shape");
            }
        }
    }

    /** The fields every kind has: name, category, themes, place, territory keys, dates, sources. */
    private static List<RecordField> commonFields(String table, Category category) {
        String provenance = "ARRAY(SELECT v.source FROM " + table + "_provenance v WHERE v." + table
                + "_id = r.id ORDER BY v.source)";
        List<RecordField> common = new ArrayList<>();
        common.add(column("name", ValueType.TEXT));
        common.add(column(category.parameter(), ValueType.TEXT));
        common.add(expression(category.labelName(), category.labelName(), "cat.label", ValueType.TEXT,
                "JOIN " + category.table() + " cat ON cat.code = r." + category.column()));
        common.add(column("themes", ValueType.THEMES));
        for (String text : List.of("description", "address", "postcode", "website", "precision", "territoryKind",
                "territoryCode", "commune", "epci", "petr", "bassinVie", "departement", "region")) {
            common.add(column(text, ValueType.TEXT));
        }
        common.add(column("outOfRegion", ValueType.BOOLEAN));
        common.add(expression("communeName", "communeName", "c.name", ValueType.TEXT,
                "LEFT JOIN commune c ON c.code = r.commune"));
        common.add(column("createdAt", ValueType.TIMESTAMP));
        common.add(column("updatedAt", ValueType.TIMESTAMP));
        common.add(expression("sources", "sources", provenance, ValueType.TEXTS, null));
        common.add(relation("territories", "territories", ValueType.TERRITORIES));
        common.add(relation("provenance", "sources", ValueType.PROVENANCE));
        common.add(expression("distance", "distance", null, ValueType.DISTANCE, null));
        return common;
    }

    /** The kind stored in a table ({@code actor}, {@code initiative}). */
    public static RecordKind byTable(String table) {
        return Arrays.stream(values()).filter(k -> k.table.equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No record kind in table " + table));
    }

    /** The kind named by a path word ({@code actors}, {@code initiatives}), if any. */
    public static Optional<RecordKind> byPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    /** The published table, written by the importers; also {@code import_run.record_kind} and {@code map_cell.dataset}. */
    public String table() {
        return table;
    }

    /** What the map service reads: the table's public columns (Flyway V7). */
    public String publicView() {
        return table + "_public";
    }

    /** Where each record comes from: one row per source and external id. */
    public String provenanceTable() {
        return table + "_provenance";
    }

    /** The provenance table's column holding the record's id. */
    public String provenanceKey() {
        return table + "_id";
    }

    /**
     * The plural word of paths and names: {@code /api/actors}, {@code /tiles/actors/...}, the tile
     * layer, export file names, the OGC collection id and the importer's command-line word.
     */
    public String path() {
        return path;
    }

    /** The French plural, a collection's title. */
    public String title() {
        return title;
    }

    /** A sentence in French on what the records are, for OGC collections. */
    public String description() {
        return description;
    }

    public Category category() {
        return category;
    }

    /** The other kinds a detail lists. */
    public List<Link> links() {
        return links;
    }

    /** The fields of an output, in their order. */
    public List<RecordField> fields(Shape shape) {
        return shapes.get(shape);
    }

    /** A field by key. */
    public RecordField field(String key) {
        RecordField field = fields.get(key);
        if (field == null) {
            throw new IllegalArgumentException(table + " has no field " + key);
        }
        return field;
    }

    /** The columns of a CSV export, by key: the export's fields plus {@code id}, {@code lon} and {@code lat}. */
    public List<String> csvColumns() {
        return csvColumns;
    }

    /**
     * Whether records of this kind are found by the territories of a perimeter they cover (resource
     * persons, needs and offers) rather than by their point: a table {@link #perimeterTable()} with
     * {@link #provenanceKey()}, {@code territory_kind} and {@code territory_code}.
     */
    public boolean hasPerimeter() {
        return fields.values().stream().anyMatch(f -> f.type() == ValueType.PERIMETER);
    }

    /** The perimeter table of a kind that {@link #hasPerimeter()}. */
    public String perimeterTable() {
        if (!hasPerimeter()) {
            throw new IllegalStateException(table + " has no perimeter");
        }
        return table + "_perimeter";
    }

    /** The properties OGC API Features filters on: the category, then {@code theme} and the territory keys. */
    public List<String> queryables() {
        List<String> queryables = new ArrayList<>(List.of(category.parameter()));
        queryables.addAll(QUERYABLES);
        return queryables;
    }
}
