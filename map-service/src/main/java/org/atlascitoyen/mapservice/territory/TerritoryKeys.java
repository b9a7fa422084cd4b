package org.atlascitoyen.mapservice.territory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.system.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place where a territory key that a request names ({@code territory=qpv:QP034001}, a
 * path, an OGC property filter) becomes a current territory. A current code is itself. A former
 * code (a 2015 QPV, a PETR slug: table {@code territory_alias}) with exactly one successor is
 * answered as that successor, and the response says so in the header {@value #HEADER}
 * ({@code qpv:QP034001=qpv:QN03401M}); one with several successors, or none (withdrawn), is a 400
 * naming the replacements ({@link TerritoryReplacedException}).
 */
@Component
public class TerritoryKeys {

    /** Response header naming each former key a request used and the current one it was read as. */
    public static final String HEADER = "Atlas-Territory-Resolved";

    private static final String SUCCESSORS = SqlResource.load("sql/territory/successors.sql");

    private final TerritoryRepository territories;
    private final JdbcClient jdbc;

    TerritoryKeys(TerritoryRepository territories, JdbcClient jdbc) {
        this.territories = territories;
        this.jdbc = jdbc;
    }

    /**
     * The current territory a key names, or empty when the code is neither a current nor a former
     * one (the caller answers 400 or 404 as before).
     *
     * @param parameter the parameter (or path variable) that named it, for the 400
     * @throws TerritoryReplacedException for a former code with several successors or none
     */
    public Optional<TerritoryRef> resolve(TerritoryKind kind, String code, String parameter) {
        Optional<TerritoryRef> current = territories.ref(kind, code);
        if (current.isPresent()) {
            return current;
        }
        Optional<Former> former = jdbc.sql(SUCCESSORS).param("kind", kind.key()).param("code", code)
                .query((rs, i) -> former(rs)).optional();
        if (former.isEmpty()) {
            return Optional.empty();
        }
        Former f = former.get();
        if (f.successors.size() != 1) {
            throw new TerritoryReplacedException(parameter, message(kind, code, f),
                    f.successors.stream().map(s -> kind.key() + ":" + s.code()).toList());
        }
        TerritoryRef successor = territories.ref(kind, f.successors.get(0).code()).orElseThrow();
        announce(kind.key() + ":" + code + "=" + kind.key() + ":" + successor.code());
        return Optional.of(successor);
    }

    /**
     * The code to filter on for a key given as a plain property value (OGC): a former code's one
     * successor, else the code as given (current or unknown: the filter then matches nothing).
     */
    public String current(TerritoryKind kind, String code, String parameter) {
        return resolve(kind, code, parameter).map(TerritoryRef::code).orElse(code);
    }

    private record Successor(String code, String name, Float share) {
    }

    private record Former(String name, String vintage, List<Successor> successors) {
    }

    private static Former former(ResultSet rs) throws SQLException {
        List<String> codes = SqlArrays.texts(rs.getArray("successors"));
        List<String> names = SqlArrays.texts(rs.getArray("successor_names")); // null when no successor
        Float[] shares = floats(rs.getArray("shares"));
        List<Successor> successors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            successors.add(new Successor(codes.get(i), names != null && i < names.size() ? names.get(i) : null,
                    i < shares.length ? shares[i] : null));
        }
        return new Former(rs.getString("name"), rs.getString("vintage"), successors);
    }

    private static Float[] floats(Array array) throws SQLException {
        return array == null ? new Float[0] : (Float[]) array.getArray();
    }

    /** What the code was, and what replaces it now, in one sentence a person can act on. */
    private static String message(TerritoryKind kind, String code, Former f) {
        String was = code + (f.name() == null ? "" : " (" + f.name() + ")") + " is a former " + kind.key()
                + " code, from " + f.vintage();
        if (f.successors().isEmpty()) {
            return was + "; no current " + kind.key() + " covers its area: it has no replacement";
        }
        List<String> named = f.successors().stream().map(s -> s.code() + " (" + s.name()
                + (s.share() == null ? "" : String.format(Locale.ROOT, ", %.0f %% of its area", s.share() * 100)) + ")").toList();
        return was + "; its area is now covered by " + f.successors().size() + " " + kind.key() + ": "
                + String.join(", ", named) + ". Name one of them, e.g. " + kind.key() + ":" + f.successors().get(0).code();
    }

    /** Adds the header to the response of the request being served, if any. */
    private static void announce(String resolution) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getResponse() != null) {
            attributes.getResponse().addHeader(HEADER, resolution);
        }
    }
}
