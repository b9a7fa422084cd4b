package org.atlascitoyen.mapservice.event;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.atlascitoyen.mapservice.contribution.Author;
import org.atlascitoyen.mapservice.contribution.Callers;
import org.atlascitoyen.mapservice.contribution.StrictJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/events}: a signed-in person proposes an event (the page {@code /evenement.html});
 * it waits for a coordinator of its territory in the moderation queue. Strict JSON, size limit,
 * CSRF and the contributions' rate limits, as every write.
 */
@RestController
class EventController {

    private final EventService events;
    private final EventProperties properties;
    private final Callers callers;

    EventController(EventService events, EventProperties properties, Callers callers) {
        this.events = events;
        this.properties = properties;
        this.callers = callers;
    }

    @PostMapping(value = "/api/events", consumes = "application/json")
    @RequestBody(description = "The event (read strictly: unknown members are refused)", required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EventRequest.class)))
    ResponseEntity<EventService.Accepted> submit(HttpServletRequest http) {
        long accountId = callers.accountId(http);
        EventRequest request = StrictJson.read(http, EventRequest.class, properties.maxBodyBytes());
        events.check(request);
        callers.limit(http, new Author(accountId, null), false);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(events.submit(request, accountId));
    }
}
