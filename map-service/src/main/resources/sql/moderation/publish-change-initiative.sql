-- Applies an approved change to an initiative: each field whose set* flag is true takes the proposed
-- value (NULL clears it), the others keep theirs. A new place moves the point and the territory
-- keys (from the commune). name_key is reset with the name: the next import derives it again.
UPDATE initiative a
SET name = CASE WHEN :setName THEN :name ELSE a.name END,
    name_search = CASE WHEN :setName THEN atlas_normalize(:name) ELSE a.name_search END,
    name_key = CASE WHEN :setName THEN NULL ELSE a.name_key END,
    name_kinds = CASE WHEN :setName THEN NULL ELSE a.name_kinds END,
    status = CASE WHEN :setStatus THEN :status ELSE a.status END,
    lessons_learned = CASE WHEN :setLessonsLearned THEN :lessonsLearned ELSE a.lessons_learned END,
    start_date = CASE WHEN :setStartDate THEN CAST(:startDate AS date) ELSE a.start_date END,
    end_date = CASE WHEN :setEndDate THEN CAST(:endDate AS date) ELSE a.end_date END,
    themes = CASE WHEN :setThemes THEN coalesce(string_to_array(CAST(:themes AS text), ','), '{}') ELSE a.themes END,
    description = CASE WHEN :setDescription THEN :description ELSE a.description END,
    address = CASE WHEN :setAddress THEN :address ELSE a.address END,
    postcode = CASE WHEN :setPostcode THEN :postcode ELSE a.postcode END,
    website = CASE WHEN :setWebsite THEN :website ELSE a.website END,
    geom = CASE WHEN :setPlace THEN ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) ELSE a.geom END,
    precision = CASE WHEN :setPlace THEN CAST(:precision AS location_precision) ELSE a.precision END,
    territory_kind = CASE WHEN :setPlace THEN NULL ELSE a.territory_kind END,
    territory_code = CASE WHEN :setPlace THEN NULL ELSE a.territory_code END,
    commune = CASE WHEN :setPlace THEN c.code ELSE a.commune END,
    epci = CASE WHEN :setPlace THEN c.epci ELSE a.epci END,
    petr = CASE WHEN :setPlace THEN c.petr ELSE a.petr END,
    bassin_vie = CASE WHEN :setPlace THEN c.bassin_vie ELSE a.bassin_vie END,
    departement = CASE WHEN :setPlace THEN c.departement ELSE a.departement END,
    region = CASE WHEN :setPlace THEN c.region ELSE a.region END,
    out_of_region = CASE WHEN :setPlace THEN false ELSE a.out_of_region END,
    updated_at = now()
FROM (SELECT 1) one
LEFT JOIN commune c ON c.code = :commune
WHERE a.id = :id
