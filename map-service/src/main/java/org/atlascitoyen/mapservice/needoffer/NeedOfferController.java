package org.atlascitoyen.mapservice.needoffer;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.atlascitoyen.mapservice.contribution.Author;
import org.atlascitoyen.mapservice.contribution.Callers;
import org.atlascitoyen.mapservice.contribution.StrictJson;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write side of needs and offers beside the generic reads of every kind
 * ({@code /api/needs-offers}, detail, clusters, tiles, exports, OGC): a signed-in account posts an
 * announcement (moderated), lists its own and closes one. Literal paths win over the kinds'
 * pattern {@code /api/{recordKind}/{id}}.
 */
@RestController
class NeedOfferController {

    private final NeedOfferService service;
    private final NeedOfferProperties properties;
    private final Callers callers;

    NeedOfferController(NeedOfferService service, NeedOfferProperties properties, Callers callers) {
        this.service = service;
        this.properties = properties;
        this.callers = callers;
    }

    @PostMapping(value = "/api/needs-offers", consumes = "application/json")
    @RequestBody(description = "The announcement (read strictly: unknown members are refused)", required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = NeedOfferRequest.class)))
    ResponseEntity<NeedOfferService.Accepted> post(HttpServletRequest http) {
        long accountId = callers.accountId(http);
        NeedOfferRequest request = StrictJson.read(http, NeedOfferRequest.class, properties.maxBodyBytes());
        service.checked(request);
        callers.limit(http, new Author(accountId, null), false);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.submit(request, accountId));
    }

    /** The signed-in account's announcements: waiting, refused, open, expired, closed. */
    @GetMapping("/api/needs-offers/mine")
    ResponseEntity<NeedOfferService.MineList> mine(HttpServletRequest http) {
        long accountId = callers.accountId(http);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(service.mine(accountId));
    }

    /** Its author closes an announcement (answered or withdrawn): it leaves the map at once. */
    @PostMapping("/api/needs-offers/{id}/close")
    ResponseEntity<Void> close(@PathVariable long id, HttpServletRequest http) {
        long accountId = callers.accountId(http);
        callers.limit(http, new Author(accountId, null), false);
        service.close(id, accountId);
        return ResponseEntity.noContent().build();
    }
}
