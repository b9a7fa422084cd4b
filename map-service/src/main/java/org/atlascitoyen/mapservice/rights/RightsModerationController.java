package org.atlascitoyen.mapservice.rights;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.atlascitoyen.mapservice.contribution.Callers;
import org.atlascitoyen.mapservice.contribution.StrictJson;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rights requests in the moderation console, for coordinators (of the territories that hold
 * the records) and admins: 401 without a session, 403 for an account that moderates nothing or a
 * request outside its territories, 409 for a request closed already.
 */
@RestController
public class RightsModerationController {

    private final RightsModerationService moderation;
    private final Callers callers;

    RightsModerationController(RightsModerationService moderation, Callers callers) {
        this.moderation = moderation;
        this.callers = callers;
    }

    /** The open requests, overdue first. */
    public record RightsQueue(List<RightsQueueItem> items) {
    }

    @GetMapping("/api/moderation/rights-requests")
    public ResponseEntity<RightsQueue> queue(HttpServletRequest http, @RequestParam(defaultValue = "50") int limit) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new RightsQueue(moderation.queue(callers.moderator(http), limit)));
    }

    @PostMapping(value = "/api/moderation/rights-requests/{id}/decision", consumes = "application/json")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RightsDecision.class)))
    public RightsModerationService.Decided decide(HttpServletRequest http, @PathVariable long id) {
        var moderator = callers.moderator(http);
        return moderation.decide(moderator, id, StrictJson.read(http, RightsDecision.class, 65536));
    }
}
