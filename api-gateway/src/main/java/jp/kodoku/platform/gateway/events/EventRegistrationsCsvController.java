package jp.kodoku.platform.gateway.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.gateway.security.Access;
import jp.kodoku.platform.gateway.web.ExcelCsv;
import jp.kodoku.platform.gateway.web.Queries;
import jp.kodoku.platform.infra.errors.NotFound;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The secretariat's registrations and waitlist table of one event as CSV for Excel, in the order of the JSON table
 * (confirmed, waitlist, pending, ended). It names registrants (a public registrant's name is personal data), so the
 * secretariat only; no e-mail column: the secretariat mails registrants through the platform, and a spreadsheet of
 * addresses is the copy that leaks.
 */
@RestController
@Tag(name = "CSV")
class EventRegistrationsCsvController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter EXCEL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<RegistrationStatus, String> STATUS_LABELS = Map.of(
            RegistrationStatus.PENDING_CONFIRMATION, "メール確認待ち", RegistrationStatus.CONFIRMED, "参加確定",
            RegistrationStatus.WAITLISTED, "キャンセル待ち", RegistrationStatus.CANCELLED, "キャンセル",
            RegistrationStatus.REMOVED, "事務局により取消", RegistrationStatus.EVENT_CANCELLED, "開催中止");

    private final Queries queries;

    EventRegistrationsCsvController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/events/{id}/registrations.csv")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Secretariat: the event's registrations and waitlist as CSV for Excel (registrant, seats, "
            + "status, waitlist position, registered at in Japan time); no e-mail addresses")
    @ApiResponse(responseCode = "200", description = "申込一覧 as an attachment: UTF-8 with BOM, CRLF, RFC 4180",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> registrations(@PathVariable String id) {
        Access.requireSecretariat();
        EventSummary event = queries.optional(new FindEvent(new EventId(id), CalendarView.SECRETARIAT), EventSummary.class)
                                    .orElseThrow(() -> new NotFound("no such event"));
        ExcelCsv csv = new ExcelCsv("申込ID", "申込者", "区分", "席数", "状態", "キャンセル待ち順", "申込日時");
        Map<String, String> organizationNames = new HashMap<>();
        for (RegistrationSummary r : queries.list(new ListRegistrations(event.eventId()), RegistrationSummary.class)) {
            boolean member = r.organizationId() != null;
            String registrant = member
                    ? organizationNames.computeIfAbsent(r.organizationId().value(), this::organizationName)
                    : r.name() == null ? "（消去済み）" : r.name();
            csv.row(r.registrationId().value(), registrant, member ? "会員団体" : "一般", r.seats(),
                    STATUS_LABELS.get(r.status()), r.waitlistPosition(), inJapan(r.registeredAt()));
        }
        String today = LocalDate.now(JAPAN).toString();
        return csv.download("申込一覧_" + today + ".csv", "event-" + id + "-registrations-" + today + ".csv", "no-store");
    }

    private String organizationName(String organizationId) {
        return queries.optional(new FindOrganization(new jp.kodoku.platform.membership.api.OrganizationId(organizationId)),
                              OrganizationDetails.class)
                      .map(o -> o.profile() == null ? null : o.profile().name()).orElse(organizationId);
    }

    private static String inJapan(Instant instant) {
        return instant == null ? null : EXCEL_DATE_TIME.format(instant.atZone(JAPAN));
    }
}
