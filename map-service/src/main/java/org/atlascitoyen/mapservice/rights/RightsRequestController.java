package org.atlascitoyen.mapservice.rights;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.atlascitoyen.mapservice.account.AccountProperties;
import org.atlascitoyen.mapservice.account.CurrentAccount;
import org.atlascitoyen.mapservice.account.SignedInAccount;
import org.atlascitoyen.mapservice.contribution.StrictJson;
import org.atlascitoyen.mapservice.ratelimit.RateLimits;
import org.atlascitoyen.mapservice.write.FormTraps;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/rights-requests}: a person listed asks to correct or erase a record, or objects
 * (202, the same answer whatever happens); {@code POST /api/rights-requests/confirm}: the button of
 * the verification mail's page. Anonymous forms carry the contributions' traps: a honeypot
 * ({@code url}: filled, the answer is the same 202 and nothing is stored or mailed) and a minimum
 * fill time ({@code openedAt}; too soon, a 400 with a French message that a person can act on).
 */
@RestController
public class RightsRequestController {

    private final RightsRequestService requests;
    private final RightsProperties properties;
    private final CurrentAccount current;
    private final RateLimits rateLimits;
    private final AccountProperties accountProperties;

    RightsRequestController(RightsRequestService requests, RightsProperties properties, CurrentAccount current, RateLimits rateLimits,
            AccountProperties accountProperties) {
        this.requests = requests;
        this.properties = properties;
        this.current = current;
        this.rateLimits = rateLimits;
        this.accountProperties = accountProperties;
    }

    /** What {@code POST /api/rights-requests/confirm} takes. */
    public record ConfirmBody(String token) {
    }

    @PostMapping(value = "/api/rights-requests", consumes = "application/json")
    @RequestBody(description = "The request (read strictly: unknown members are refused)", required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RightsRequestBody.class)))
    public ResponseEntity<RightsRequestReceived> submit(HttpServletRequest http) {
        RightsRequestBody body = StrictJson.read(http, RightsRequestBody.class, properties.maxBodyBytes());
        SignedInAccount account = current.current().orElse(null);
        // What needs no database is checked before the rate limit: a typo does not spend the budget.
        requests.check(body, account != null);
        rateLimits.check("rights-ip", http.getRemoteAddr());
        ResponseEntity<RightsRequestReceived> same = ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
                .body(RightsRequestReceived.SAME);
        if (account == null) {
            if (FormTraps.caught(body.url())) {
                return same;
            }
            FormTraps.requireFillTime(body.openedAt(), properties.minFillSeconds());
        }
        requests.submit(body, account, accountProperties.publicUrlOr(http.getLocalPort()));
        return same;
    }

    @PostMapping(value = "/api/rights-requests/confirm", consumes = "application/json")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConfirmBody.class)))
    public ResponseEntity<RightsRequestService.Confirmed> confirm(HttpServletRequest http) {
        ConfirmBody body = StrictJson.read(http, ConfirmBody.class, 1024);
        // A guessed token is worth nothing (256 bits), but each guess costs a hash and a query.
        rateLimits.check("rights-ip", http.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(requests.confirm(body.token()));
    }
}
