package org.atlascitoyen.mapservice.web;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.atlascitoyen.importers.db.DatabaseConfig;

/**
 * Needs and offers, events and experiences written straight into a test database (V21's tables),
 * for the map's tests of these kinds: one record per marker shape and category, a cancelled and a
 * past event, a failure beside a success, and names that hold markup
 * ({@link #HOSTILE}) to show they are drawn as text. Places: Toulouse (31555), Rodez (12202) and
 * Albi (81004), with their territory keys from the commune table; the points are spread around
 * each town so that no marker covers another at the région's zoom.
 */
final class AgirFixtures {

    /** A name that would run script if a page put it in as HTML. */
    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    static final String TOULOUSE = "31555";
    static final String RODEZ = "12202";
    static final String ALBI = "81004";
    static final String TOULOUSE_METROPOLE = "243100518";

    /** The ids of what {@link #insert} wrote. */
    record Ids(long actor, long need, long offer, long event, long cancelledEvent, long pastEvent, long onlineEvent,
               long success, long failure) {
    }

    private AgirFixtures() {
    }

    static Ids insert(DatabaseConfig db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            long actor = id(st, "INSERT INTO actor (name, name_search, type, themes, geom, precision, commune, epci, departement,"
                    + " region) SELECT 'Café associatif du Faubourg', 'cafe associatif du faubourg', 'association', '{solidarites}',"
                    + " ST_SetSRID(ST_MakePoint(1.4442, 43.6045), 4326), 'address', code, epci, departement, region"
                    + " FROM commune WHERE code = '" + TOULOUSE + "' RETURNING id");
            long need = needOffer(st, HOSTILE + " Besoin de bénévoles", "need", "benevoles", "{animation,logistique}",
                    TOULOUSE, 1.5500, 43.6500, actor, "epci", TOULOUSE_METROPOLE);
            long offer = needOffer(st, "Salle à prêter le week-end", "offer", "lieu", "{}", RODEZ, 2.5750, 44.3500, null,
                    "commune", RODEZ);
            long event = event(st, HOSTILE + " Repair café", "atelier", "confirmed", "3 days 18 hours 30 minutes", "3 days 21 hours",
                    false, "Salle des fêtes", null, RODEZ, 2.5000, 44.4000);
            long cancelled = event(st, "Forum des associations", "festival", "cancelled", "5 days 10 hours", "5 days 17 hours",
                    false, "Place de la mairie", null, ALBI, 2.1480, 43.9280);
            long past = event(st, "Rencontre passée", "rencontre", "confirmed", "-10 days 18 hours", "-10 days 20 hours", false,
                    "Mairie", null, ALBI, 2.1500, 43.9300);
            long online = event(st, "Webinaire participation", "formation", "confirmed", "7 days", "8 days", true, null,
                    "https://visio.example.org/salle", TOULOUSE, 1.3500, 43.5500);
            st.execute("INSERT INTO event_organiser VALUES (" + event + ", " + actor + "), (" + cancelled + ", " + actor + ")");
            long success = experience(st, "Budget participatif des quartiers", "reussi", RODEZ, 2.6500, 44.3000,
                    "{https://example.org/bilan}");
            long failure = experience(st, HOSTILE + " Épicerie solidaire", "echec", ALBI, 2.0500, 43.8500,
                    "{https://example.org/retex,javascript:alert(1)}");
            st.execute("INSERT INTO experience_actor VALUES (" + failure + ", " + actor + ")");
            return new Ids(actor, need, offer, event, cancelled, past, online, success, failure);
        }
    }

    private static long needOffer(Statement st, String name, String nature, String resource, String skills, String commune,
                                  double lon, double lat, Long actor, String perimeterKind, String perimeterCode) throws SQLException {
        long id = id(st, "INSERT INTO need_offer (name, name_search, nature, resource, skills, themes, description, actor_id,"
                + " author_name, geom, precision, commune, epci, petr, bassin_vie, departement, region, valid_until, relay_enabled)"
                + " SELECT " + quote(name) + ", atlas_normalize(" + quote(name) + "), '" + nature + "', '" + resource + "', '"
                + skills + "', '{solidarites}', 'Pour la fête de quartier, le samedi.', " + actor + ", 'Collectif du Faubourg',"
                + " ST_SetSRID(ST_MakePoint(" + lon + ", " + lat + "), 4326), 'commune', code, epci, petr, bassin_vie, departement,"
                + " region, (now() AT TIME ZONE 'Europe/Paris')::date + 30, true FROM commune WHERE code = '" + commune + "' RETURNING id");
        st.execute("INSERT INTO need_offer_perimeter VALUES (" + id + ", '" + perimeterKind + "', '" + perimeterCode + "')");
        return id;
    }

    private static long event(Statement st, String name, String type, String status, String start, String end, boolean allDay,
                              String place, String online, String commune, double lon, double lat) throws SQLException {
        String day = "(date_trunc('day', now() AT TIME ZONE 'Europe/Paris')";
        return id(st, "INSERT INTO event (name, name_search, event_type, status, themes, description, starts_at, ends_at, all_day,"
                + " place_name, online_url, geom, precision, commune, epci, petr, bassin_vie, departement, region)"
                + " SELECT " + quote(name) + ", atlas_normalize(" + quote(name) + "), '" + type + "', '" + status
                + "', '{participation_citoyenne}', 'Venez nombreux.', " + day + " + interval '" + start + "') AT TIME ZONE 'Europe/Paris', "
                + day + " + interval '" + end + "') AT TIME ZONE 'Europe/Paris', " + allDay + ", " + quote(place) + ", "
                + quote(online) + ", ST_SetSRID(ST_MakePoint(" + lon + ", " + lat + "), 4326), 'address', code, epci, petr,"
                + " bassin_vie, departement, region FROM commune WHERE code = '" + commune + "' RETURNING id");
    }

    private static long experience(Statement st, String name, String outcome, String commune, double lon, double lat,
                                   String evidence) throws SQLException {
        return id(st, "INSERT INTO experience (name, name_search, outcome, themes, description, happened, differently, carried_by,"
                + " started_on, ended_on, public_reached, evidence_links, geom, precision, commune, epci, petr, bassin_vie,"
                + " departement, region) SELECT " + quote(name) + ", atlas_normalize(" + quote(name) + "), '" + outcome
                + "', '{solidarites}', 'Ouvrir un lieu de vente à prix coûtant.', 'Peu de passage, les bénévoles se sont épuisés.',"
                + " 'Commencer par un marché mensuel.', 'Un collectif d''habitants', '2024-03-01', '2025-06-30',"
                + " 'Familles du quartier', '" + evidence + "', ST_SetSRID(ST_MakePoint(" + lon + ", " + lat + "), 4326), 'commune',"
                + " code, epci, petr, bassin_vie, departement, region FROM commune WHERE code = '" + commune + "' RETURNING id");
    }

    private static long id(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quote(String text) {
        return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
    }
}
