package org.atlascitoyen.mapservice.follow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.mapservice.account.AccountProperties;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.DataEtags;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.atlascitoyen.mapservice.territory.TerritoryKeys;
import org.atlascitoyen.mapservice.territory.TerritoryKind;
import org.atlascitoyen.mapservice.territory.TerritoryRef;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A territory's news as an Atom feed, without any account: {@code GET /api/territories/{kind}/{code}/feed.atom},
 * the latest {@code atlas.follow.feed-entries} new or updated records of every followed kind there
 * (same rules as the digests: {@link TerritoryNews}), optionally for some themes. ETag and
 * Cache-Control as the other public reads; public fields only (never an address).
 */
@RestController
public class FeedController {

    static final String ATOM = "application/atom+xml";

    private final TerritoryNews news;
    private final TerritoryKeys territories;
    private final Vocabularies vocabularies;
    private final FollowProperties properties;
    private final AccountProperties accounts;
    private final DataEtags etags;

    FeedController(TerritoryNews news, TerritoryKeys territories, Vocabularies vocabularies, FollowProperties properties,
            AccountProperties accounts, DataEtags etags) {
        this.news = news;
        this.territories = territories;
        this.vocabularies = vocabularies;
        this.properties = properties;
        this.accounts = accounts;
        this.etags = etags;
    }

    @GetMapping(value = "/api/territories/{kind}/{code}/feed.atom", produces = {ATOM, MediaType.APPLICATION_XML_VALUE})
    @Operation(summary = "What is new in a territory, as an Atom feed (RFC 4287)")
    public ResponseEntity<String> feed(@PathVariable String kind, @PathVariable String code,
            @Parameter(description = "theme codes: records with any of them (repeatable or comma-separated)")
            @RequestParam(required = false) List<String> theme,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch, HttpServletRequest http) {
        TerritoryKind k = TerritoryKind.parse(kind, "kind");
        List<String> themes = themes(theme);
        CacheControl cacheControl = CacheControl.maxAge(Duration.ofSeconds(properties.feedMaxAgeSeconds())).cachePublic();
        String etag = etags.of("territories/" + k.key() + "/" + code + "/feed.atom?theme=" + String.join(",", themes));
        if (DataEtags.matches(ifNoneMatch, etag)) {
            return DataEtags.notModified(etag, cacheControl);
        }
        TerritoryRef territory = territories.resolve(k, code, "code")
                .orElseThrow(() -> new NotFoundException("No " + k.key() + " with code '" + code + "'"));
        List<TerritoryNews.Item> items = news.latest(new Filter.Territory(k, territory.code()), themes, properties.feedEntries());
        // The configured address, never the request's Host header: a shared cache keeps this answer.
        String baseUrl = accounts.publicUrlOr(http.getLocalPort());
        String authority = authority(baseUrl);
        Map<String, String> labels = vocabularies.themes();
        String self = baseUrl + "/api/territories/" + k.key() + "/" + territory.code() + "/feed.atom"
                + (themes.isEmpty() ? "" : "?theme=" + String.join(",", themes));
        String body = AtomFeed.write(baseUrl, authority, self, territory, themes.stream().map(labels::get).toList(), items);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ATOM + ";charset=UTF-8")).eTag(etag).cacheControl(cacheControl)
                .body(body);
    }

    private List<String> themes(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Map<String, String> known = vocabularies.themes();
        LinkedHashSet<String> themes = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String code = part.strip();
                if (code.isEmpty()) {
                    continue;
                }
                if (!known.containsKey(code)) {
                    throw new BadParameterException("theme", "Unknown theme '" + code + "'; expected one of "
                            + String.join(", ", known.keySet()));
                }
                themes.add(code);
            }
        }
        return new ArrayList<>(themes);
    }

    private static String authority(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null ? "atlas-citoyen" : host;
        } catch (IllegalArgumentException e) {
            return "atlas-citoyen";
        }
    }
}
