package jp.kodoku.platform.webhooks.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.membership.api.*;
import jp.kodoku.platform.newsletter.api.IssueId;
import jp.kodoku.platform.newsletter.api.IssueSendingStarted;
import jp.kodoku.platform.newsletter.api.IssueSent;
import jp.kodoku.platform.subcommittees.api.LeadOrganizationsChanged;
import jp.kodoku.platform.subcommittees.api.SubcommitteeClosed;
import jp.kodoku.platform.subcommittees.api.SubcommitteeCreated;
import jp.kodoku.platform.subcommittees.api.SubcommitteeId;
import jp.kodoku.platform.webhooks.WebhookCatalogue;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What a receiver gets is a contract: the CloudEvent of every type in the catalogue is pinned in
 * {@code src/test/resources/contracts/cloudevents/<type>.json} (a missing file is written and the test fails). Free
 * text a person wrote (reasons, descriptions) never travels: every sample carries {@value #PERSONAL} in such fields.
 */
class CloudEventContractTest {

    private static final String PERSONAL = "山田花子";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OrganizationId ORG = new OrganizationId("0b7f4a52-5d1e-4d8c-9d1c-2f1a8e6c0a11");
    private static final SubcommitteeId BUNKAKAI = SubcommitteeId.ofNumber(3);
    private static final EventId EVENT = new EventId("6f3c1a2e-8b4d-4e5f-9a6b-7c8d9e0f1a2b");
    private static final IssueId ISSUE = new IssueId("3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a");
    private static final Schedule SCHEDULE = new Schedule(LocalDate.of(2026, 12, 10), LocalTime.of(13, 30),
                                                          LocalDate.of(2026, 12, 10), LocalTime.of(16, 30));

    /** A sample of every kind of event the catalogue publishes. */
    static List<Object> samples() {
        return List.of(
                new MembershipApplicationApproved(ORG, 372, MemberCategory.REGULAR, LocalDate.of(2026, 4, 1)),
                new MemberOrganizationImported(ORG, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 2),
                new OrganizationProfileUpdated(ORG, null, List.of("publicDescription")),
                new MemberCategoryChanged(ORG, MemberCategory.REGULAR, MemberCategory.SUPPORTING, PERSONAL + "の申出",
                                          LocalDate.of(2026, 4, 1)),
                new MemberWithdrawn(ORG, WithdrawalKind.REQUESTED_BY_MEMBER, PERSONAL + "からの退会届",
                                    LocalDate.of(2027, 3, 31)),
                new SubcommitteeCreated(BUNKAKAI, 3, "分科会3", PERSONAL + "が提案した主題", List.of(ORG)),
                new LeadOrganizationsChanged(BUNKAKAI, List.of(ORG)),
                new SubcommitteeClosed(BUNKAKAI, PERSONAL + "の申出により"),
                new EventPublished(EVENT, 52),
                new EventRevised(EVENT, null),
                new EventRescheduled(EVENT, SCHEDULE, SCHEDULE, PERSONAL + "講師の都合"),
                new EventCancelled(EVENT, PERSONAL + "講師の急病"),
                new EventFinished(EVENT),
                new IssueSendingStarted(ISSUE, 52, Instant.parse("2026-12-04T01:00:00Z")),
                new IssueSent(ISSUE, Instant.parse("2026-12-04T01:12:30Z"), 1180, 3));
    }

    @Test
    void every_type_of_the_catalogue_has_a_sample() {
        assertThat(samples().stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrderElementsOf(WebhookCatalogue.ENTRIES.stream()
                                                                            .map(e -> (Class<?>) e.eventClass()).toList());
    }

    @TestFactory
    Stream<DynamicTest> every_cloud_event_keeps_its_contract_and_carries_no_personal_text() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.getClass().getSimpleName(), () -> {
            WebhookCatalogue.Entry<?> entry = WebhookCatalogue.entryFor(sample.getClass()).orElseThrow();

            String body = CloudEvents.body(entry, sample, "9f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b",
                                           Instant.parse("2026-11-29T09:00:00Z"), 4711);

            assertThat(body).doesNotContain(PERSONAL);
            JsonNode event = JSON.readTree(body);
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("type").asText()).isEqualTo(entry.type());
            assertThat(event.get("id").asText()).isEqualTo("9f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b");
            assertKeepsItsContract(entry.type(), event);
        }));
    }

    private static void assertKeepsItsContract(String type, JsonNode event) throws IOException {
        String name = "cloudevents/" + type + ".json";
        try (InputStream pinned = CloudEventContractTest.class.getResourceAsStream("/contracts/" + name)) {
            if (pinned == null) {
                Path file = Path.of("src/test/resources/contracts", name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n");
                fail("new CloudEvent type " + type + ": its contract was written to " + file + "; review and commit it");
            }
            assertThat(event).as("the CloudEvent " + type).isEqualTo(JSON.readTree(pinned));
        }
    }
}
