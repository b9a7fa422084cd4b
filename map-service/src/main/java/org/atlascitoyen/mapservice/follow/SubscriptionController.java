package org.atlascitoyen.mapservice.follow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.mapservice.account.AccountProperties;
import org.atlascitoyen.mapservice.account.CurrentAccount;
import org.atlascitoyen.mapservice.account.SignedInAccount;
import org.atlascitoyen.mapservice.contribution.StrictJson;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.atlascitoyen.mapservice.write.FormTraps;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Suivre un territoire": {@code POST /api/subscriptions} (with consent; an anonymous address
 * confirms by a mailed link, {@code POST /api/subscriptions/confirm}), {@code GET /api/subscriptions/mine}
 * and {@code DELETE /api/subscriptions/{id}} for a signed-in account, the unsubscribe of every digest
 * ({@code POST /api/subscriptions/unsubscribe} from its page, {@code POST /api/subscriptions/unsubscribe/{token}}
 * from the mail client, RFC 8058), and {@code POST /api/admin/digests/{frequency}} (admins: a turn now).
 */
@RestController
public class SubscriptionController {

    private static final String FORM = "suivre.html (POST /api/subscriptions)";

    private final SubscriptionService subscriptions;
    private final DigestJob digests;
    private final FollowProperties properties;
    private final CurrentAccount current;
    private final AccountProperties accounts;

    SubscriptionController(SubscriptionService subscriptions, DigestJob digests, FollowProperties properties, CurrentAccount current,
            AccountProperties accounts) {
        this.subscriptions = subscriptions;
        this.digests = digests;
        this.properties = properties;
        this.current = current;
        this.accounts = accounts;
    }

    /** What the confirmation and unsubscribe pages post. */
    public record TokenRequest(String token) {
    }

    /** The answer to a subscription: {@code unconfirmed} (a link went to the address) or {@code active}. */
    public record SubscriptionAccepted(String status) {
    }

    @GetMapping("/api/subscriptions/consent")
    @Operation(summary = "The consent wording the subscription form shows, and its version")
    public ResponseEntity<SubscriptionService.Consent> consent() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(subscriptions.consent());
    }

    @PostMapping(value = "/api/subscriptions", consumes = "application/json")
    @Operation(summary = "Follow a territory: a weekly or monthly digest of its news, mailed only when there is some")
    @RequestBody(description = "The subscription (read strictly: unknown members are refused)", required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionRequest.class)))
    public ResponseEntity<SubscriptionAccepted> subscribe(HttpServletRequest http) {
        SubscriptionRequest request = StrictJson.read(http, SubscriptionRequest.class, properties.maxBodyBytes());
        Optional<SignedInAccount> account = current.current();
        SubscriptionService.Choice choice = subscriptions.check(request, account.isPresent());
        if (account.isEmpty()) {
            if (FormTraps.caught(request.url())) {
                return accepted("unconfirmed");
            }
            FormTraps.requireFillTime(request.openedAt(), properties.minFillSeconds());
        }
        subscriptions.limitIp(http.getRemoteAddr());
        SubscriptionService.Subscriber subscriber = account
                .map(a -> new SubscriptionService.Subscriber(a.id(), null))
                .orElse(new SubscriptionService.Subscriber(null, request.email()));
        return accepted(subscriptions.subscribe(choice, subscriber, FORM, baseUrl(http)));
    }

    @PostMapping(value = "/api/subscriptions/confirm", consumes = "application/json")
    @Operation(summary = "The anonymous subscriber's confirmation link: the subscription becomes active")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenRequest.class)))
    public ResponseEntity<Subscription> confirm(HttpServletRequest http) {
        TokenRequest request = StrictJson.read(http, TokenRequest.class, 1024);
        subscriptions.limitIp(http.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(subscriptions.confirm(request.token()));
    }

    @PostMapping(value = "/api/subscriptions/unsubscribe", consumes = "application/json")
    @Operation(summary = "The unsubscribe page of a digest's link: the subscription ends")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenRequest.class)))
    public ResponseEntity<Subscription> unsubscribe(HttpServletRequest http) {
        TokenRequest request = StrictJson.read(http, TokenRequest.class, 1024);
        subscriptions.limitIp(http.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(subscriptions.unsubscribe(request.token()));
    }

    /**
     * RFC 8058 one-click unsubscribe: the mail client POSTs {@code List-Unsubscribe=One-Click} (form
     * encoded) to the digest's {@code List-Unsubscribe} address. It carries no cookie and no CSRF
     * token, so this one endpoint is left out of CSRF (SecurityConfig): the 256-bit token of the path
     * is the authority, as a link would be, and all it can do is end the subscription it names.
     */
    @PostMapping("/api/subscriptions/unsubscribe/{token}")
    @Operation(summary = "One-click unsubscribe of a digest's List-Unsubscribe header (RFC 8058); no CSRF token")
    public ResponseEntity<Subscription> oneClick(@PathVariable String token,
            @RequestParam(name = "List-Unsubscribe", required = false) String oneClick, HttpServletRequest http) {
        subscriptions.limitIp(http.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(subscriptions.unsubscribe(token));
    }

    /**
     * A GET on the {@code List-Unsubscribe} address (a mail client that opens it as a link, or a
     * link scanner) ends nothing, as RFC 8058 asks: it sends the person to the unsubscribe page,
     * whose button posts the token.
     */
    @GetMapping("/api/subscriptions/unsubscribe/{token}")
    @Operation(summary = "Sends to the unsubscribe page (303); a GET never ends a subscription")
    public ResponseEntity<Void> unsubscribePage(@PathVariable String token, HttpServletRequest http) {
        if (!token.matches("[A-Za-z0-9_-]{20,100}")) {
            throw new BadParameterException("token", "This link is not valid, or no longer");
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(baseUrl(http) + "/desabonner.html#jeton=" + token))
                .cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping("/api/subscriptions/mine")
    @Operation(summary = "The signed-in account's subscriptions (401 when not signed in)")
    public ResponseEntity<List<Subscription>> mine() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(subscriptions.mine(signedIn().id()));
    }

    @GetMapping("/api/subscriptions/{id}")
    @Operation(summary = "One of the signed-in account's subscriptions (401 when not signed in, 404 when not its own)")
    public ResponseEntity<Subscription> one(@PathVariable long id) {
        long account = signedIn().id();
        Subscription own = subscriptions.mine(account).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("No subscription " + id + " of yours"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(own);
    }

    @DeleteMapping("/api/subscriptions/{id}")
    @Operation(summary = "Ends one of the signed-in account's subscriptions")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        subscriptions.delete(signedIn().id(), id);
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    @PostMapping("/api/admin/digests/{frequency}")
    @Operation(summary = "Admins: sends a turn of digests now (weekly or monthly), as the schedule would")
    public ResponseEntity<Map<String, Integer>> runDigests(@PathVariable String frequency) {
        DigestJob.Frequency f = switch (frequency) {
            case "weekly" -> DigestJob.Frequency.WEEKLY;
            case "monthly" -> DigestJob.Frequency.MONTHLY;
            default -> throw new BadParameterException("frequency", "One of weekly, monthly");
        };
        DigestJob.Turn turn = digests.run(f);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("subscriptions", turn.subscriptions(), "mailed", turn.mailed()));
    }

    private SignedInAccount signedIn() {
        return current.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in"));
    }

    private String baseUrl(HttpServletRequest http) {
        return accounts.publicUrlOr(http.getLocalPort());
    }

    private static ResponseEntity<SubscriptionAccepted> accepted(String status) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(new SubscriptionAccepted(status));
    }
}
