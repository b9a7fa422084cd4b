package org.atlascitoyen.mapservice.person;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.account.CurrentAccount;
import org.atlascitoyen.mapservice.contribution.Author;
import org.atlascitoyen.mapservice.contribution.Callers;
import org.atlascitoyen.mapservice.contribution.StrictJson;
import org.atlascitoyen.mapservice.record.RecordFeature;
import org.atlascitoyen.mapservice.record.RecordRepository;
import org.atlascitoyen.mapservice.system.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resource persons' own endpoints beside the generic ones of every kind ({@code /api/persons},
 * clusters, tiles, exports, OGC): the detail with members-only values for a signed-in request,
 * and a person's own listing ({@code /api/persons/me}: propose with consent, edit, relay off,
 * withdraw). Literal paths win over the kinds' pattern {@code /api/{recordKind}/{id}}.
 */
@RestController
class PersonController {

    private final RecordRepository records;
    private final PersonMembers members;
    private final PersonService persons;
    private final PersonProperties properties;
    private final Callers callers;
    private final CurrentAccount current;

    PersonController(RecordRepository records, PersonMembers members, PersonService persons, PersonProperties properties,
            Callers callers, CurrentAccount current) {
        this.records = records;
        this.members = members;
        this.persons = persons;
        this.properties = properties;
        this.callers = callers;
        this.current = current;
    }

    /** What {@code POST /api/persons/me/relay} takes. */
    public record RelayRequest(boolean enabled) {
    }

    /** The wording of the consent and its version, which the sign-up page shows and sends back. */
    public record ConsentWording(String version, String wording) {
    }

    /**
     * One person in full: the public values; with a signed-in session, also {@code members}, the
     * values the person shows to members only (then the answer is private to that session's cache).
     */
    @GetMapping(value = "/api/persons/{id}", produces = {"application/geo+json", "application/json"})
    ResponseEntity<PersonDetail> one(@PathVariable long id) {
        RecordFeature feature = records.find(RecordKind.PERSON, id).orElseThrow(() -> new NotFoundException("No person with id " + id));
        if (current.current().isEmpty()) {
            return ResponseEntity.ok(new PersonDetail(feature, null));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
                .body(new PersonDetail(feature, members.of(id).orElse(null)));
    }

    @GetMapping("/api/persons/consent")
    ConsentWording consent() {
        return new ConsentWording(properties.consentVersion(), properties.consentWording());
    }

    /** The signed-in person's listing (null when none is published) and whether a proposal waits. */
    public record Mine(MyListing listing, boolean pending) {
    }

    @GetMapping("/api/persons/me")
    Mine mine(HttpServletRequest http) {
        long accountId = callers.accountId(http);
        return new Mine(persons.mine(accountId).orElse(null), persons.pending(accountId));
    }

    @PostMapping(value = "/api/persons/me", consumes = "application/json")
    @RequestBody(description = "The listing with consent (read strictly: unknown members are refused)", required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonRequest.class)))
    ResponseEntity<PersonService.Accepted> submit(HttpServletRequest http) {
        long accountId = callers.accountId(http);
        PersonRequest request = StrictJson.read(http, PersonRequest.class, properties.maxBodyBytes());
        persons.checkRequest(request);
        callers.limit(http, new Author(accountId, null), false);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(persons.submit(request, accountId));
    }

    @PostMapping(value = "/api/persons/me/relay", consumes = "application/json")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = RelayRequest.class)))
    ResponseEntity<Void> relay(HttpServletRequest http) {
        long accountId = callers.accountId(http);
        RelayRequest request = StrictJson.read(http, RelayRequest.class, 256);
        callers.limit(http, new Author(accountId, null), false);
        persons.relay(accountId, request.enabled());
        return ResponseEntity.noContent().build();
    }

    /** What {@code POST /api/persons/reconfirm} takes: the token of the yearly mail's link. */
    public record ReconfirmRequest(String token) {
    }

    @PostMapping(value = "/api/persons/reconfirm", consumes = "application/json")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReconfirmRequest.class)))
    PersonService.Accepted reconfirm(HttpServletRequest http) {
        ReconfirmRequest request = StrictJson.read(http, ReconfirmRequest.class, 1024);
        // A guessed token is worth nothing (256 bits), but each guess costs a hash and a query.
        callers.limit(http, null, false);
        return persons.reconfirm(request.token());
    }

    @DeleteMapping("/api/persons/me")
    ResponseEntity<Void> withdraw(HttpServletRequest http) {
        long accountId = callers.accountId(http);
        callers.limit(http, new Author(accountId, null), false);
        persons.withdraw(accountId);
        return ResponseEntity.noContent().build();
    }
}
