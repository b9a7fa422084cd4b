package org.atlascitoyen.importers.directory;

import java.time.LocalDate;
import java.util.List;
import org.atlascitoyen.importers.source.Names;

/**
 * The cleaned values of one row, filled in by the cleaning steps, and their order in the staging
 * table ({@code sql/directory-import/staging.sql}) that the COPY writes them to.
 */
final class CleanedRecord {

    /** The staging columns, in the order {@link #values} gives them. */
    static final String[] COLUMNS = {"line", "external_id", "name", "name_search", "type", "status", "themes",
        "description", "lessons_learned", "start_date", "end_date", "address", "postcode", "commune_name",
        "commune_name_search", "commune_code", "territory_kind", "territory_code", "lon", "lat", "coordinates_note",
        "website", "website_host", "email", "phone", "siren", "rna", "carriers", "content_hash", "reject", "reject_detail",
        "name_words", "name_kinds", "private_name", "natural_person"};

    final long line;
    String externalId, name, nameSearch, type, status, description, lessonsLearned, address, postcode;
    String communeName, communeCode, territoryKind, territoryCode, coordinatesNote, website, websiteHost;
    String email, phone, siren, rna, contentHash, reject, rejectDetail;
    /** What can distinguish the name, and its kind words (NameWords), for deduplication. */
    String nameWords, nameKinds;
    /** A natural person's real name, when the name published is a neutral label (NaturalPersons). */
    String privateName;
    boolean naturalPerson;
    LocalDate startDate, endDate;
    Double lon, lat;
    List<String> themes = List.of();
    List<String> carriers;

    CleanedRecord(long line) {
        this.line = line;
    }

    /** The values of the {@link #COLUMNS}, in their order. */
    Object[] values() {
        return new Object[] {line, externalId, name, nameSearch, type, status, themes, description, lessonsLearned,
            startDate, endDate, address, postcode, communeName, Names.normalize(communeName), communeCode,
            territoryKind, territoryCode, lon, lat, coordinatesNote, website, websiteHost, email, phone, siren, rna,
            carriers, contentHash, reject, rejectDetail, nameWords, nameKinds, privateName, naturalPerson};
    }
}
