package org.atlascitoyen.mapservice.experience;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.atlascitoyen.mapservice.contribution.Author;
import org.atlascitoyen.mapservice.contribution.Callers;
import org.atlascitoyen.mapservice.contribution.StrictJson;
import org.atlascitoyen.mapservice.record.PageLimit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank of experiences' own endpoints beside the generic ones of every kind
 * ({@code /api/experiences} and its detail, clusters, tiles, exports, OGC): proposing an
 * experience (signed in, moderated) and its comparable experiences.
 */
@RestController
class ExperienceController {

    private final ExperienceService experiences;
    private final ComparableExperiences comparables;
    private final ExperienceProperties properties;
    private final Callers callers;

    ExperienceController(ExperienceService experiences, ComparableExperiences comparables, ExperienceProperties properties,
            Callers callers) {
        this.experiences = experiences;
        this.comparables = comparables;
        this.properties = properties;
        this.callers = callers;
    }

    @Operation(summary = "Propose a retour d'expérience (signed in): it waits for a moderator of its territory")
    @PostMapping(value = "/api/experiences", consumes = "application/json")
    @RequestBody(description = "The experience (read strictly: unknown members are refused)", required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExperienceRequest.class)))
    ResponseEntity<ExperienceService.Accepted> propose(HttpServletRequest http) {
        long accountId = callers.accountId(http);
        ExperienceRequest request = StrictJson.read(http, ExperienceRequest.class, properties.maxBodyBytes());
        experiences.checkRequest(request);
        callers.limit(http, new Author(accountId, null), false);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(experiences.submit(request, accountId));
    }

    @Operation(summary = "Comparable experiences: sharing a theme, in a territory of the same kind (rural or urban "
            + "bassin de vie or EPCI, QPV, PNR); most shared themes first, then nearest; failures included")
    @GetMapping("/api/experiences/{id}/comparable")
    ComparableExperiences.Answer comparable(@PathVariable long id,
            @Parameter(description = "how many (default 10, at most 30)") @RequestParam(required = false) Integer limit) {
        return comparables.of(id, PageLimit.of(limit, properties.comparableLimitDefault(), properties.comparableLimitMax()));
    }
}
