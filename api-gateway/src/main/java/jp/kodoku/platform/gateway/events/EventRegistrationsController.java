package jp.kodoku.platform.gateway.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.gateway.idempotency.IdempotentRequests;
import jp.kodoku.platform.gateway.ratelimit.ApplicationRateLimiter;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.security.Caller;
import jp.kodoku.platform.gateway.web.SecretLinks;
import jp.kodoku.platform.gateway.web.Commands;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.gateway.web.Versions;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;

/**
 * Registrations: a member organization's staff through its member admin account, the public with name and e-mail
 * (confirmed through a mailed link, kept private behind a link of their own), the secretariat's table, waitlist moves,
 * removals, attendance and erasure. Seats and the waitlist are decided by the event in one command (ADR 0024).
 */
@RestController
@Tag(name = "Event registrations", description = "Seats, the waitlist, cancellation, attendance")
class EventRegistrationsController {

    private final Commands commands;
    private final Queries queries;
    private final IdempotentRequests idempotency;
    private final ApplicationRateLimiter rateLimiter;

    EventRegistrationsController(Commands commands, Queries queries, IdempotentRequests idempotency,
                                 ApplicationRateLimiter rateLimiter) {
        this.commands = commands;
        this.queries = queries;
        this.idempotency = idempotency;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/api/v1/events/{id}/registrations")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Member admin: register staff of the organization for some seats (1 to the event's limit); "
            + "confirmed if the seats are free, else waitlisted (Idempotency-Key accepted)")
    @ApiResponse(responseCode = "201", description = "Confirmed or waitlisted (see status and waitlistPosition)",
            content = @Content(schema = @Schema(implementation = EventsRequests.Registered.class)))
    ResponseEntity<?> register(@PathVariable String id, @RequestBody EventsRequests.MemberRegistration body,
                               @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Caller caller = requireMemberAdmin();
        int seats = seats(body.seats());
        return idempotency.run("event-registrations", idempotencyKey, body, () -> {
            RegistrationId registrationId = RegistrationId.random();
            RegistrationOutcome outcome = commands.send(new RegisterMember(new EventId(id), registrationId,
                    new OrganizationId(caller.organizationId()), caller.principal(), seats, accountEmail()),
                    RegistrationOutcome.class);
            return ResponseEntity.created(URI.create("/api/v1/events/" + id + "/registrations/" + registrationId))
                                 .eTag(Versions.etag(outcome.version()))
                                 .body(new EventsRequests.Registered(id, registrationId.value(), outcome.status(),
                                         outcome.waitlistPosition(), outcome.version()));
        });
    }

    @PostMapping("/api/v1/events/{id}/public-registrations")
    @Operation(summary = "Anyone, public events: ask for seats with a name and an e-mail address (personal data, "
            + "erasable). Nothing is held until the link mailed to the address is confirmed. Rate-limited per address")
    @ApiResponse(responseCode = "201", description = "Received, PENDING_CONFIRMATION; the private link is in accessUrl",
            content = @Content(schema = @Schema(implementation = EventsRequests.PublicReceipt.class)))
    ResponseEntity<?> registerPublicly(@PathVariable String id, @RequestBody EventsRequests.PublicRegistration body,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                       HttpServletRequest request) {
        int seats = seats(body.seats());
        rateLimiter.acquire(request.getRemoteAddr());
        return idempotency.run("public-registrations", idempotencyKey, body, () -> {
            RegistrationId registrationId = RegistrationId.random();
            String access = SecretLinks.newToken();
            String confirmation = SecretLinks.newToken();
            RegistrationOutcome outcome = commands.send(new RequestPublicRegistration(new EventId(id), registrationId,
                    body.name(), body.email(), seats, SecretLinks.hash(access), SecretLinks.hash(confirmation), confirmation),
                    RegistrationOutcome.class);
            URI link = URI.create("/api/v1/events/" + id + "/registrations/access/" + access);
            return ResponseEntity.created(link).eTag(Versions.etag(outcome.version()))
                                 .body(new EventsRequests.PublicReceipt(id, registrationId.value(), outcome.status(),
                                         link.toString(), outcome.version()));
        });
    }

    @PostMapping("/api/v1/events/{id}/registrations/confirmation")
    @Operation(summary = "Confirm a public registration with the token of the mailed link: it then takes its seats or "
            + "its place on the waitlist, in the order confirmations arrive. Following it twice changes nothing")
    ResponseEntity<EventsRequests.Registered> confirm(@PathVariable String id,
                                                      @RequestBody EventsRequests.Confirmation body) {
        String token = token(body.token());
        RegistrationOutcome outcome = commands.send(new ConfirmPublicRegistration(new EventId(id), SecretLinks.hash(token)),
                RegistrationOutcome.class);
        return ResponseEntity.ok().eTag(Versions.etag(outcome.version()))
                             .body(new EventsRequests.Registered(id, outcome.registrationId().value(), outcome.status(),
                                     outcome.waitlistPosition(), outcome.version()));
    }

    @GetMapping("/api/v1/events/{id}/registrations/access/{token}")
    @Operation(summary = "The registrant's view through the private link: status, waitlist position, the online URL "
            + "once confirmed")
    ResponseEntity<RegistrationSummary> byLink(@PathVariable String id, @PathVariable String token) {
        RegistrationSummary registration = queries.optional(new FindRegistrationByAccessToken(new EventId(id),
                        SecretLinks.hash(token(token))), RegistrationSummary.class)
                .orElseThrow(() -> new NotFound("no registration behind this link (a new one may take a moment to appear)"));
        return ResponseEntity.ok().eTag(Versions.etag(registration.version()))
                             .header(HttpHeaders.CACHE_CONTROL, "no-store").body(registration);
    }

    @GetMapping(path = "/api/v1/events/{id}/registrations/access/{token}.ics", produces = "text/calendar")
    @Operation(summary = "The registrant's .ics: the event, with the online URL while the seats are held")
    ResponseEntity<String> icsByLink(@PathVariable String id, @PathVariable String token) {
        String ics = queries.optional(new RenderRegistrationIcs(new EventId(id), SecretLinks.hash(token(token))), String.class)
                            .orElseThrow(() -> new NotFound("no registration behind this link"));
        return EventsController.ics(ics, "registration.ics");
    }

    @DeleteMapping("/api/v1/events/{id}/registrations/access/{token}")
    @Operation(summary = "Cancel through the private link (or leave the waitlist); freed seats go to the waitlist at once")
    ResponseEntity<EventsRequests.Written> cancelByLink(@PathVariable String id, @PathVariable String token) {
        return write(id, new CancelRegistrationByLink(new EventId(id), SecretLinks.hash(token(token))));
    }

    @GetMapping("/api/v1/events/{id}/registrations")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: every registration, confirmed first (in acceptance order), then the waitlist "
            + "in order, then pending confirmation, then ended ones")
    List<RegistrationSummary> list(@PathVariable String id) {
        Access.requireSecretariat();
        return queries.list(new ListRegistrations(new EventId(id)), RegistrationSummary.class);
    }

    @DeleteMapping("/api/v1/organizations/{id}/event-registrations/{eventId}/{registrationId}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Cancel one of the organization's registrations, or leave the waitlist (its own admins, or "
            + "the secretariat for it); freed seats go to the waitlist at once")
    ResponseEntity<EventsRequests.Written> cancel(@PathVariable String id, @PathVariable String eventId,
                                                  @PathVariable String registrationId) {
        Access.requireActsFor(id);
        return write(eventId, new CancelMemberRegistration(new EventId(eventId), new RegistrationId(registrationId),
                new OrganizationId(id)));
    }

    @PostMapping("/api/v1/events/{id}/registrations/{registrationId}/removal")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: remove a registration, with a reason; freed seats go to the waitlist at once")
    ResponseEntity<EventsRequests.Written> remove(@PathVariable String id, @PathVariable String registrationId,
                                                  @RequestBody EventsRequests.Reason body) {
        Access.requireSecretariat();
        return write(id, new RemoveRegistration(new EventId(id), new RegistrationId(registrationId), body.reason()));
    }

    @PostMapping("/api/v1/events/{id}/registrations/{registrationId}/waitlist-position")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: move a waitlisted registration to another position (1 = first), with a reason")
    ResponseEntity<EventsRequests.Written> move(@PathVariable String id, @PathVariable String registrationId,
                                                @RequestBody EventsRequests.WaitlistMove body) {
        Access.requireSecretariat();
        if (body.position() == null) {
            throw new InvalidEventInput("position", "is required");
        }
        return write(id, new MoveWaitlistEntry(new EventId(id), new RegistrationId(registrationId), body.position(),
                body.reason()));
    }

    @PutMapping("/api/v1/events/{id}/registrations/{registrationId}/attendance")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: how many seats of a confirmed registration attended (after the event finished)")
    ResponseEntity<EventsRequests.Written> attendance(@PathVariable String id, @PathVariable String registrationId,
                                                      @RequestBody EventsRequests.Attendance body) {
        Access.requireSecretariat();
        if (body.attendedSeats() == null) {
            throw new InvalidEventInput("attendedSeats", "is required");
        }
        return write(id, new RecordAttendance(new EventId(id), new RegistrationId(registrationId), body.attendedSeats()));
    }

    @PostMapping("/api/v1/events/{id}/registrations/{registrationId}/erasure")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: erase a public registrant's name and e-mail for good (APPI request)")
    ResponseEntity<EventsRequests.Written> erase(@PathVariable String id, @PathVariable String registrationId,
                                                 @RequestBody EventsRequests.Reason body) {
        Access.requireSecretariat();
        return write(id, new EraseRegistrantPersonalData(new EventId(id), new RegistrationId(registrationId),
                body.reason()));
    }

    @GetMapping("/api/v1/organizations/{id}/event-registrations")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "An organization's registrations, soonest event first (secretariat, or its own admins)")
    List<RegistrationSummary> ofOrganization(@PathVariable String id) {
        Access.requireActsFor(id);
        return queries.list(new ListOrganizationRegistrations(new OrganizationId(id)), RegistrationSummary.class);
    }

    private static Caller requireMemberAdmin() {
        Caller caller = Caller.current();
        if (!caller.roles().contains(Caller.MEMBER_ADMIN) || caller.organizationId() == null) {
            throw new AccessDeniedException("only a member organization's admin registers its staff");
        }
        return caller;
    }

    /** Where the registration's mails go: the member admin account's own address, from its token. */
    private static String accountEmail() {
        if (org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                instanceof org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken jwt) {
            return jwt.getToken().getClaimAsString("email");
        }
        return null;
    }

    private static int seats(Integer seats) {
        if (seats == null) {
            throw new InvalidEventInput("seats", "is required");
        }
        return seats;
    }

    private static String token(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFound("no registration behind this link");
        }
        return token;
    }

    private ResponseEntity<EventsRequests.Written> write(String id, Object command) {
        return commands.write(command, version -> new EventsRequests.Written(id, version));
    }

}
