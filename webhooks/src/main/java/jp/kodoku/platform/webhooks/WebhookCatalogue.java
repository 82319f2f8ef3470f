package jp.kodoku.platform.webhooks;

import jp.kodoku.platform.events.api.CampaignEventProposed;
import jp.kodoku.platform.events.api.EventCancelled;
import jp.kodoku.platform.events.api.EventFinished;
import jp.kodoku.platform.events.api.EventPublished;
import jp.kodoku.platform.events.api.EventRescheduled;
import jp.kodoku.platform.events.api.EventRevised;
import jp.kodoku.platform.events.api.EventScheduled;
import jp.kodoku.platform.events.api.Schedule;
import jp.kodoku.platform.events.api.Visibility;
import jp.kodoku.platform.membership.api.MemberCategoryChanged;
import jp.kodoku.platform.membership.api.MemberOrganizationImported;
import jp.kodoku.platform.membership.api.MemberReinstated;
import jp.kodoku.platform.membership.api.MemberSuspended;
import jp.kodoku.platform.membership.api.MemberWithdrawn;
import jp.kodoku.platform.membership.api.MembershipApplicationApproved;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.membership.api.OrganizationProfileUpdated;
import jp.kodoku.platform.newsletter.api.IssueDrafted;
import jp.kodoku.platform.newsletter.api.IssueSendingStarted;
import jp.kodoku.platform.newsletter.api.IssueSegmentChosen;
import jp.kodoku.platform.newsletter.api.IssueSent;
import jp.kodoku.platform.subcommittees.api.LeadOrganizationsChanged;
import jp.kodoku.platform.subcommittees.api.SubcommitteeClosed;
import jp.kodoku.platform.subcommittees.api.SubcommitteeCreated;
import jp.kodoku.platform.webhooks.api.WebhookEventType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every domain event a third-party app can receive, in one place: its CloudEvents type, the scope the app needs, the
 * subject, and the {@code data} — chosen field by field, never personal data and never free text a person wrote (a
 * reason, a description), which might hold some. An app that wants more reads the resource through the API with its
 * scope. A module's events join by adding entries here.
 *
 * <p>Some events are public only while their subject is: a profile change only of a member, a portal event's changes
 * only once it is published and only when it is public. Such entries name the facts their subject must have; the
 * {@link #FACTS} rules keep those facts from the same events ({@code webhook_subject_facts}), so a delivery is decided
 * as of its event and not as of today.
 */
public final class WebhookCatalogue {

    /** The gateway's API scopes of the same names ({@code ApiScopes}): what a client may read, and so receive. */
    public static final String DIRECTORY_READ = "directory:read";
    public static final String EVENTS_READ = "events:read";
    public static final String FEED_READ = "feed:read";

    static final String MEMBER = "member";
    static final String PUBLISHED = "published";
    static final String VISIBLE_TO_PUBLIC = "visible-to-public";
    static final String TO_EVERYONE = "to-everyone";

    private static final String PREFIX = "jp.kodoku.platform.";

    /** The facts rules: applied to every event before the entries decide. */
    public static final List<FactRule<?>> FACTS = List.of(
            fact(MembershipApplicationApproved.class, e -> org(e.organizationId()), MEMBER, e -> true),
            fact(MemberOrganizationImported.class, e -> org(e.organizationId()), MEMBER, e -> true),
            fact(MemberReinstated.class, e -> org(e.organizationId()), MEMBER, e -> true),
            fact(MemberSuspended.class, e -> org(e.organizationId()), MEMBER, e -> false),
            fact(MemberWithdrawn.class, e -> org(e.organizationId()), MEMBER, e -> false),
            fact(EventScheduled.class, e -> e.eventId().value(), VISIBLE_TO_PUBLIC,
                 e -> e.details().visibility() == Visibility.PUBLIC),
            fact(CampaignEventProposed.class, e -> e.eventId().value(), VISIBLE_TO_PUBLIC,
                 e -> e.details().visibility() == Visibility.PUBLIC),
            fact(EventRevised.class, e -> e.eventId().value(), VISIBLE_TO_PUBLIC,
                 e -> e.details().visibility() == Visibility.PUBLIC),
            fact(EventPublished.class, e -> e.eventId().value(), PUBLISHED, e -> true),
            // An issue goes to everyone unless the segment chosen when it was scheduled is members' contacts only
            // (public subscribers are anyone who subscribes; ADR 0044, 0046).
            fact(IssueDrafted.class, e -> e.issueId().value(), TO_EVERYONE, e -> true),
            fact(IssueSegmentChosen.class, e -> e.issueId().value(), TO_EVERYONE,
                 e -> e.segment().audience() != jp.kodoku.platform.newsletter.api.Audience.MEMBERS));

    private static final Set<String> PUBLIC_EVENT = Set.of(PUBLISHED, VISIBLE_TO_PUBLIC);

    /** The entries, in the order the list of types shows them. */
    public static final List<Entry<?>> ENTRIES = List.of(
            // membership: public facts about members (the directory's)
            entry(MembershipApplicationApproved.class, "membership.member.approved", DIRECTORY_READ,
                  "An organization became a member (会員になりました): its category and the day it joined.",
                  e -> org(e.organizationId()), Set.of(),
                  e -> data("organizationId", org(e.organizationId()), "category", e.category(),
                            "joinedOn", e.joinedOn())),
            entry(MemberOrganizationImported.class, "membership.member.imported", DIRECTORY_READ,
                  "A member organization was taken over from the list kept before the platform.",
                  e -> org(e.organizationId()), Set.of(),
                  e -> data("organizationId", org(e.organizationId()))),
            entry(OrganizationProfileUpdated.class, "membership.profile.updated", DIRECTORY_READ,
                  "A member's public profile changed: read it again from the directory.",
                  e -> org(e.organizationId()), Set.of(MEMBER),
                  e -> data("organizationId", org(e.organizationId()))),
            entry(MemberCategoryChanged.class, "membership.category.changed", DIRECTORY_READ,
                  "A member's category (会員・協力会員・賛助会員) changed, from a day on.",
                  e -> org(e.organizationId()), Set.of(MEMBER),
                  e -> data("organizationId", org(e.organizationId()), "from", e.from(), "to", e.to(),
                            "effectiveDate", e.effectiveDate())),
            entry(MemberWithdrawn.class, "membership.member.withdrawn", DIRECTORY_READ,
                  "A member left the platform, from a day on (the reason is not published).",
                  e -> org(e.organizationId()), Set.of(),
                  e -> data("organizationId", org(e.organizationId()), "effectiveDate", e.effectiveDate())),
            // subcommittees: what the public list of subcommittees shows
            entry(SubcommitteeCreated.class, "subcommittees.subcommittee.created", DIRECTORY_READ,
                  "A subcommittee (分科会) was set up, with its lead organizations.",
                  e -> e.subcommitteeId().value(), Set.of(),
                  e -> data("subcommitteeId", e.subcommitteeId().value(), "number", e.number(), "title", e.title(),
                            "leadOrganizations", orgs(e.leadOrganizations()))),
            entry(LeadOrganizationsChanged.class, "subcommittees.lead-organizations.changed", DIRECTORY_READ,
                  "A subcommittee's lead organizations (担当幹事団体) changed.",
                  e -> e.subcommitteeId().value(), Set.of(),
                  e -> data("subcommitteeId", e.subcommitteeId().value(),
                            "leadOrganizations", orgs(e.leadOrganizations()))),
            entry(SubcommitteeClosed.class, "subcommittees.subcommittee.closed", DIRECTORY_READ,
                  "A subcommittee was closed (the reason is not published).",
                  e -> e.subcommitteeId().value(), Set.of(),
                  e -> data("subcommitteeId", e.subcommitteeId().value())),
            // events portal: public events once published
            entry(EventPublished.class, "events.event.published", EVENTS_READ,
                  "A public event (workshop, symposium, …) was published: read it from the events API.",
                  e -> e.eventId().value(), PUBLIC_EVENT,
                  e -> data("eventId", e.eventId().value(), "symposiumNumber", e.symposiumNumber())),
            entry(EventRevised.class, "events.event.revised", EVENTS_READ,
                  "A published public event's details changed: read it again.",
                  e -> e.eventId().value(), PUBLIC_EVENT,
                  e -> data("eventId", e.eventId().value())),
            entry(EventRescheduled.class, "events.event.rescheduled", EVENTS_READ,
                  "A published public event moved to other dates (Japan time).",
                  e -> e.eventId().value(), PUBLIC_EVENT,
                  e -> data("eventId", e.eventId().value(), "schedule", schedule(e.schedule()))),
            entry(EventCancelled.class, "events.event.cancelled", EVENTS_READ,
                  "A published public event was cancelled (the reason is not published).",
                  e -> e.eventId().value(), PUBLIC_EVENT,
                  e -> data("eventId", e.eventId().value())),
            entry(EventFinished.class, "events.event.finished", EVENTS_READ,
                  "A published public event took place and is over.",
                  e -> e.eventId().value(), PUBLIC_EVENT,
                  e -> data("eventId", e.eventId().value())),
            // newsletter: issues that went to everyone, as the activity feed tells them
            entry(IssueSendingStarted.class, "newsletter.issue.sending-started", FEED_READ,
                  "A newsletter issue (メールマガジン) took its number (第N号) and started going out to everyone.",
                  e -> e.issueId().value(), Set.of(TO_EVERYONE),
                  e -> data("issueId", e.issueId().value(), "number", e.number(), "startedAt", e.startedAt())),
            entry(IssueSent.class, "newsletter.issue.sent", FEED_READ,
                  "A newsletter issue went out to everyone (配信しました): read it from the public archive.",
                  e -> e.issueId().value(), Set.of(TO_EVERYONE),
                  e -> data("issueId", e.issueId().value(), "sentAt", e.sentAt())));

    private WebhookCatalogue() {
    }

    /** The entry publishing this kind of event, if any. */
    public static Optional<Entry<?>> entryFor(Class<?> eventClass) {
        return ENTRIES.stream().filter(e -> e.eventClass().equals(eventClass)).findFirst();
    }

    public static Optional<Entry<?>> entryOfType(String type) {
        return ENTRIES.stream().filter(e -> e.type().equals(type)).findFirst();
    }

    public static List<WebhookEventType> types() {
        return ENTRIES.stream().map(e -> new WebhookEventType(e.type(), e.scope(), e.description())).toList();
    }

    /**
     * How one kind of domain event is published.
     *
     * @param source        the CloudEvents {@code source}: the module that decided it
     * @param requiredFacts what its subject must be now for the event to go out (empty: always)
     */
    public record Entry<E>(Class<E> eventClass, String type, String source, String scope, String description,
                           Function<E, String> subject, Set<String> requiredFacts,
                           Function<E, Map<String, Object>> data) {

        public String subjectOf(Object event) {
            return subject.apply(eventClass.cast(event));
        }

        public Map<String, Object> dataOf(Object event) {
            return data.apply(eventClass.cast(event));
        }
    }

    /** A fact about a subject that an event makes true ({@code holds}) or false. */
    public record FactRule<E>(Class<E> eventClass, Function<E, String> subject, String fact, Predicate<E> holds) {

        public boolean appliesTo(Object event) {
            return eventClass.isInstance(event);
        }

        public String subjectOf(Object event) {
            return subject.apply(eventClass.cast(event));
        }

        public boolean holdsAfter(Object event) {
            return holds.test(eventClass.cast(event));
        }
    }

    private static <E> Entry<E> entry(Class<E> eventClass, String type, String scope, String description,
                                      Function<E, String> subject, Set<String> requiredFacts,
                                      Function<E, Map<String, Object>> data) {
        String module = type.substring(0, type.indexOf('.'));
        return new Entry<>(eventClass, PREFIX + type, "/kodoku-platform/" + module, scope, description, subject,
                           requiredFacts, data);
    }

    private static <E> FactRule<E> fact(Class<E> eventClass, Function<E, String> subject, String fact,
                                        Predicate<E> holds) {
        return new FactRule<>(eventClass, subject, fact, holds);
    }

    private static String org(OrganizationId id) {
        return id.value();
    }

    private static List<String> orgs(List<OrganizationId> ids) {
        return ids == null ? List.of() : ids.stream().map(OrganizationId::value).toList();
    }

    private static Map<String, Object> schedule(Schedule s) {
        return data("startDate", s.startDate(), "startTime", s.startTime(), "endDate", s.endDate(),
                    "endTime", s.endTime());
    }

    /** Name–value pairs in order; a null value is left out rather than sent as null. */
    private static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                data.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return data;
    }

    /** Every type in the catalogue; used by the rules to name an unknown one. */
    public static List<String> typeNames() {
        List<String> names = new ArrayList<>();
        ENTRIES.forEach(e -> names.add(e.type()));
        return names;
    }
}
