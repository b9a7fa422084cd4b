package org.atlascitoyen.mapservice.contact;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.atlascitoyen.mapservice.account.AccountProperties;
import org.atlascitoyen.mapservice.account.CurrentAccount;
import org.atlascitoyen.mapservice.account.SignedInAccount;
import org.atlascitoyen.mapservice.contribution.StrictJson;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.write.FormTraps;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The contact relay's endpoints: {@code POST /api/contact} (a message), {@code POST /api/contact/confirm}
 * (the anonymous sender's link), {@code POST /api/contact/opt-out} (the recipient's link in each
 * relayed mail) and {@code PUT /api/contact/relay} (the record's manager
 * turns the relay on or off). The traps for scripts are the contributions': a honeypot ({@code url},
 * answered like any message, nothing sent) and a minimum fill time for anonymous forms.
 */
@RestController
public class ContactController {

    private final ContactService contacts;
    private final ContactProperties properties;
    private final CurrentAccount current;
    private final AccountProperties accounts;

    ContactController(ContactService contacts, ContactProperties properties, CurrentAccount current, AccountProperties accounts) {
        this.contacts = contacts;
        this.properties = properties;
        this.current = current;
        this.accounts = accounts;
    }

    /** What the confirmation and opt-out pages post. */
    public record TokenRequest(String token) {
    }

    /** What the manager's switch takes: the record ({@code actor} or {@code person}) and the relay's new state. */
    public record RelaySwitch(String recordKind, Long recordId, Boolean enabled) {
    }

    @PostMapping(value = "/api/contact", consumes = "application/json")
    @RequestBody(description = "The message (read strictly: unknown members are refused)", required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContactRequest.class)))
    public ResponseEntity<ContactAccepted> submit(HttpServletRequest http) {
        ContactRequest request = StrictJson.read(http, ContactRequest.class, properties.maxBodyBytes());
        Optional<SignedInAccount> account = current.current();
        contacts.check(request, account.isPresent());
        if (account.isEmpty()) {
            if (FormTraps.caught(request.url())) {
                return accepted(new ContactAccepted("unconfirmed"));
            }
            FormTraps.requireFillTime(request.openedAt(), properties.minFillSeconds());
        }
        ContactService.Sender sender = account.map(a -> new ContactService.Sender(a.id(), a.email()))
                .orElse(new ContactService.Sender(null, null));
        return accepted(contacts.submit(request, sender, http.getRemoteAddr(), baseUrl(http)));
    }

    @PostMapping(value = "/api/contact/confirm", consumes = "application/json")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenRequest.class)))
    public ResponseEntity<ContactAccepted> confirm(HttpServletRequest http) {
        TokenRequest request = StrictJson.read(http, TokenRequest.class, 1024);
        contacts.limitTokenGuesses(http.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(contacts.confirm(request.token(), baseUrl(http)));
    }

    @PostMapping(value = "/api/contact/opt-out", consumes = "application/json")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenRequest.class)))
    public ResponseEntity<ContactService.RelayState> optOut(HttpServletRequest http) {
        TokenRequest request = StrictJson.read(http, TokenRequest.class, 1024);
        contacts.limitTokenGuesses(http.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(contacts.optOut(request.token()));
    }

    @PutMapping(value = "/api/contact/relay", consumes = "application/json")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RelaySwitch.class)))
    public ResponseEntity<ContactService.RelayState> relay(HttpServletRequest http) {
        RelaySwitch request = StrictJson.read(http, RelaySwitch.class, 1024);
        if (request.recordId() == null || request.recordId() < 1) {
            throw new BadParameterException("recordId", "Required: a record id");
        }
        if (request.enabled() == null) {
            throw new BadParameterException("enabled", "Required: true or false");
        }
        SignedInAccount account = current.current()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(contacts.ownerSwitch(request.recordKind(), request.recordId(), request.enabled(), account.id()));
    }

    /** The records I manage, with their relay's state ("Mon compte"); 401 when not signed in. */
    @GetMapping("/api/contact/relay")
    public ResponseEntity<List<ContactService.ManagedRecord>> mine() {
        SignedInAccount account = current.current()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(contacts.managedBy(account.id()));
    }

    private String baseUrl(HttpServletRequest http) {
        return accounts.publicUrlOr(http.getLocalPort());
    }

    private static ResponseEntity<ContactAccepted> accepted(ContactAccepted body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(body);
    }
}
