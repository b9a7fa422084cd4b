package org.atlascitoyen.mapservice.moderation;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import org.atlascitoyen.mapservice.contribution.Callers;
import org.atlascitoyen.mapservice.contribution.StrictJson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The moderation API, for coordinators (of the territories that hold the items) and admins:
 * 401 without a session, 403 for an account that moderates nothing or an item outside its
 * territories, 409 for an item another moderator holds or that is decided already.
 */
@RestController
public class ModerationController {

    private final ModerationService moderation;
    private final Callers callers;

    ModerationController(ModerationService moderation, Callers callers) {
        this.moderation = moderation;
        this.callers = callers;
    }

    /** The lock a moderator holds on an item, until when. */
    public record Lock(long id, OffsetDateTime lockedUntil) {
    }

    @GetMapping("/api/moderation/queue")
    public QueuePage queue(HttpServletRequest http, @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "50") int limit) {
        return moderation.queue(callers.moderator(http), after, limit);
    }

    @GetMapping("/api/moderation/items/{id}")
    public ItemDetail item(HttpServletRequest http, @PathVariable long id) {
        return moderation.item(callers.moderator(http), id);
    }

    @PostMapping("/api/moderation/items/{id}/lock")
    public Lock lock(HttpServletRequest http, @PathVariable long id) {
        return new Lock(id, moderation.lock(callers.moderator(http), id));
    }

    @PostMapping(value = "/api/moderation/items/{id}/decision", consumes = "application/json")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = Decision.class)))
    public ModerationService.Decided decide(HttpServletRequest http, @PathVariable long id) {
        Moderator moderator = callers.moderator(http);
        return moderation.decide(moderator, id, StrictJson.read(http, Decision.class, 65536));
    }
}
