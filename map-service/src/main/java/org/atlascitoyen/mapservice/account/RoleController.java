package org.atlascitoyen.mapservice.account;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinator roles: admins grant and revoke them ({@code /api/admin/roles}, admins only:
 * SecurityConfig), and anyone sees which territories have no coordinator
 * ({@code /api/coordination/territories}: counts, never who).
 */
@RestController
public class RoleController {

    /** The kinds a coordinator role can be held on (the records' territory keys). */
    static final Set<String> KINDS = Set.of("commune", "epci", "petr", "bassin_vie", "departement", "region");
    private static final String GEOJSON = "application/geo+json";

    private final RoleRepository roles;

    RoleController(RoleRepository roles) {
        this.roles = roles;
    }

    @GetMapping("/api/admin/roles")
    ResponseEntity<List<RoleView>> list() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(roles.all());
    }

    /** Grants a coordinator role: 201 with the role (200 when it was held already). */
    @PostMapping("/api/admin/roles")
    ResponseEntity<RoleView> grant(@RequestBody RoleGrantRequest body, @AuthenticationPrincipal SignedInAccount admin) {
        if (body == null) {
            throw new BadParameterException("body", "expected {\"email\": ..., \"territory\": \"kind:code\"}");
        }
        String email = EmailAddress.parse(body.email(), "email");
        TerritoryRole territory = territory(body.territory());
        RoleRepository.Grant grant = roles.grant(email, territory, admin.id());
        RoleView role = roles.find(grant.id()).orElseThrow();
        return (grant.created() ? ResponseEntity.created(URI.create("/api/admin/roles/" + grant.id())) : ResponseEntity.ok())
                .cacheControl(CacheControl.noStore()).body(role);
    }

    @DeleteMapping("/api/admin/roles/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, @AuthenticationPrincipal SignedInAccount admin) {
        if (!roles.revoke(id, admin.id())) {
            throw new NotFoundException("No coordinator role " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * The territories of a kind with their number of coordinators: GeoJSON outlines (default) or
     * a JSON list ({@code format=json}); {@code withoutCoordinator} counts the zeros.
     */
    @GetMapping(value = "/api/coordination/territories", produces = {GEOJSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> coordination(@RequestParam String kind, @RequestParam(defaultValue = "geojson") String format) {
        if (!KINDS.contains(kind)) {
            throw new BadParameterException("kind", "expected one of commune, epci, petr, bassin_vie, departement, region");
        }
        CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(1));
        return switch (format) {
            case "geojson" -> ResponseEntity.ok().contentType(MediaType.parseMediaType(GEOJSON)).cacheControl(cache)
                    .body(CoordinationCollection.of(kind, roles.coordination(kind, true)));
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(cache)
                    .body(CoordinationList.of(kind, roles.coordination(kind, false)));
            default -> throw new BadParameterException("format", "expected geojson or json");
        };
    }

    private TerritoryRole territory(String value) {
        String[] parts = value == null ? new String[0] : value.strip().split(":", 2);
        if (parts.length != 2 || !KINDS.contains(parts[0]) || parts[1].isBlank() || parts[1].length() > 20) {
            throw new BadParameterException("territory", "expected kind:code, kind one of commune, epci, petr, bassin_vie, departement, region");
        }
        TerritoryRole territory = new TerritoryRole(parts[0], parts[1]);
        if (roles.territoryName(territory.kind(), territory.code()).isEmpty()) {
            throw new BadParameterException("territory", "no " + territory.kind() + " with code " + territory.code());
        }
        return territory;
    }
}
