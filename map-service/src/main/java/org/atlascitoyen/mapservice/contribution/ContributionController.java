package org.atlascitoyen.mapservice.contribution;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.atlascitoyen.mapservice.write.FormTraps;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/contributions}: a proposal, a change, a claim or a report (202 with its id and
 * status), and {@code POST /api/contributions/confirm}: the button of the mail's page.
 *
 * <p>Anonymous forms carry two traps for scripts. The honeypot ({@code url}, hidden from people
 * and from screen readers): when filled, the answer is a 202 like any other but nothing is stored
 * or mailed, so that a script learns nothing to adapt to; no person fills it. The fill time
 * ({@code openedAt}): a form sent sooner than {@code minFillSeconds} after it opened is a 400 with
 * a French message, because a quick person (autofill) can hit it and must be able to send again.
 */
@RestController
public class ContributionController {

    private final ContributionService contributions;
    private final ContributionProperties properties;
    private final Callers callers;

    ContributionController(ContributionService contributions, ContributionProperties properties, Callers callers) {
        this.contributions = contributions;
        this.properties = properties;
        this.callers = callers;
    }

    /** What {@code POST /api/contributions/confirm} takes. */
    public record ConfirmRequest(String token) {
    }

    @PostMapping(value = "/api/contributions", consumes = "application/json")
    @RequestBody(description = "The contribution (read strictly: unknown members are refused)", required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContributionRequest.class)))
    public ResponseEntity<ContributionAccepted> submit(HttpServletRequest http) {
        ContributionRequest request = StrictJson.read(http, ContributionRequest.class, properties.maxBodyBytes());
        Author author = callers.author(http, request.email());
        // What needs no database is checked before the rate limit: a typo does not spend the budget.
        contributions.check(request);
        callers.limit(http, author, "report".equals(request.kind()));
        if (!author.signedIn()) {
            if (FormTraps.caught(request.url())) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ContributionAccepted(0, "unconfirmed"));
            }
            FormTraps.requireFillTime(request.openedAt(), properties.minFillSeconds());
        }
        String baseUrl = ServletUriComponentsBuilder.fromContextPath(http).replaceQuery(null).build().toUriString();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(contributions.submit(request, author, baseUrl));
    }

    @PostMapping(value = "/api/contributions/confirm", consumes = "application/json")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConfirmRequest.class)))
    public ContributionService.Confirmed confirm(HttpServletRequest http) {
        ConfirmRequest request = StrictJson.read(http, ConfirmRequest.class, 1024);
        // A guessed token is worth nothing (256 bits), but each guess costs a hash and a query.
        callers.limit(http, null, false);
        return contributions.confirm(request.token());
    }
}
