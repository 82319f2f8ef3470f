package jp.kodoku.platform.demo;

import jp.kodoku.platform.infra.audit.AuditMetadata;
import jp.kodoku.platform.membership.api.AppointSteeringMember;
import jp.kodoku.platform.membership.api.ApproveMembershipApplication;
import jp.kodoku.platform.membership.api.ChangeMemberCategory;
import jp.kodoku.platform.membership.api.ChangeProfileAsMemberAdmin;
import jp.kodoku.platform.membership.api.ProfilePatch;
import jp.kodoku.platform.membership.api.SwitchProfileModeration;
import jp.kodoku.platform.membership.api.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jp.kodoku.platform.membership.api.RecordWithdrawal;
import jp.kodoku.platform.membership.api.RejectMembershipApplication;
import jp.kodoku.platform.membership.api.SendBackMembershipApplication;
import jp.kodoku.platform.membership.api.SubmitMembershipApplication;
import jp.kodoku.platform.membership.api.SuspendMember;
import jp.kodoku.platform.membership.api.UpdateOrganizationProfile;
import jp.kodoku.platform.membership.api.WithdrawalKind;
import jp.kodoku.platform.demo.DemoOrganizations.CategoryChange;
import jp.kodoku.platform.demo.DemoOrganizations.PlannedChange;
import jp.kodoku.platform.demo.DemoOrganizations.PlannedOrganization;
import jp.kodoku.platform.demo.DemoOrganizations.ProfileUpdate;
import jp.kodoku.platform.demo.DemoOrganizations.Step;
import jp.kodoku.platform.demo.DemoOrganizations.Suspension;
import jp.kodoku.platform.demo.DemoOrganizations.Withdrawal;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Fills an empty platform with demo members (platform.demo-data.enabled=true): the plan of {@link DemoOrganizations},
 * sent as ordinary commands so that the whole history exists as events and every read model (directory, statistics,
 * profile history) is built from it exactly as in production. Nothing happens when the event store already holds
 * events. Runs once, synchronously, when the application is ready; a failing command stops the start-up, since
 * half-created demo data would only mislead.
 */
@Component
@ConditionalOnProperty(name = "platform.demo-data.enabled", havingValue = "true")
public class DemoData {

    /** Published figures as of {@link DemoOrganizations#REFERENCE_DATE} (seed 004). */
    public static final int REGULAR_2022_12_01 = 234;
    public static final int COOPERATING_2022_12_01 = 114;
    public static final int SUPPORTING_2022_12_01 = 23;
    public static final int TOTAL_2022_12_01 = REGULAR_2022_12_01 + COOPERATING_2022_12_01 + SUPPORTING_2022_12_01;

    /** Who the events of the demo data are attributed to. */
    public static final String PRINCIPAL = "system:demo-data";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CommandGateway commandGateway;
    private final JdbcTemplate jdbc;
    private final org.axonframework.eventsourcing.eventstore.EventStore events;
    private final jp.kodoku.platform.infra.personaldata.PersonalDataVault vault;

    private int commandsSent;
    private int organizationsCreated;

    public DemoData(CommandGateway commandGateway, JdbcTemplate jdbc, org.axonframework.eventsourcing.eventstore.EventStore events,
                    jp.kodoku.platform.infra.personaldata.PersonalDataVault vault) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
        this.events = events;
        this.vault = vault;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onApplicationReady() {
        createIfEmpty();
    }

    /** Creates the demo data unless the event store holds events; returns whether it did. */
    public synchronized boolean createIfEmpty() {
        // Axon's own name for the table (domainevententry once folded), as AxonSchemaMigration created it.
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM " + new EventSchema().domainEventTable(), Long.class);
        if (events != null && events > 0) {
            log.info("Demo data: the event store already holds {} events, nothing created", events);
            return false;
        }
        long started = System.nanoTime();
        List<PlannedOrganization> plan = DemoOrganizations.plan();
        OrganizationId[] ids = new OrganizationId[plan.size() + 1];
        for (Step step : DemoOrganizations.timeline(plan)) {
            PlannedOrganization organization = step.organization();
            if (step.change() == null) {
                OrganizationId id = submit(organization);
                ids[organization.number()] = id;
                send(organization, new ApproveMembershipApplication(id, null, organization.joinedOn()));
                if (organization.steeringTermStart() != null) {
                    send(organization, new AppointSteeringMember(id, null, organization.steeringTermStart(), null));
                }
                continue;
            }
            OrganizationId id = ids[organization.number()];
            send(organization, commandFor(id, step.change()));
        }
        for (PlannedOrganization organization : DemoOrganizations.openOrRefused(plan)) {
            OrganizationId id = submit(organization);
            switch (organization.outcome()) {
                case SENT_BACK -> send(organization,
                        new SendBackMembershipApplication(id, null, organization.decisionNote()));
                case REJECTED -> send(organization,
                        new RejectMembershipApplication(id, null, organization.decisionNote()));
                default -> {
                    // left for the secretariat
                }
            }
        }
        proposeProfileChange();
        // 分科会 of seed 004, once their lead organizations and members are active
        for (Object command : DemoSubcommittees.commands()) {
            send("分科会", command);
        }
        DemoEvents demoEvents = new DemoEvents(command -> send("催し", command), LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")));
        demoEvents.create();
        log.info("Demo data: events of seed 004 and upcoming ones, with {} registrations", demoEvents.registrations());
        DemoNewsletter newsletter = new DemoNewsletter(command -> send("メールマガジン", command),
                LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")));
        long newsletterStarted = System.nanoTime();
        int issues = newsletter.createSentIssues(plan);
        newsletter.createDraftAndProposals();
        newsletter.createPublicSubscribers(this::mailedConfirmationToken);
        log.info("Demo data: newsletter with {} issues sent since 2022-03-28 in {} ms", issues,
                (System.nanoTime() - newsletterStarted) / 1_000_000);
        long millis = (System.nanoTime() - started) / 1_000_000;
        var counts = DemoOrganizations.countsAsOf(plan, LocalDate.now());
        log.info("Demo data: created {} organizations with {} commands in {} ms ({} members today: {})",
                organizationsCreated, commandsSent, millis, counts.values().stream().mapToInt(Integer::intValue).sum(),
                counts);
        return true;
    }

    /** The demo member whose admin has a profile change waiting for the secretariat. */
    public static final String PROPOSING_ORGANIZATION = "自殺対策支援センターライフリンク";
    public static final String PROPOSED_DESCRIPTION =
            "「生き心地の良い社会」をめざし、自殺対策の政策提言、SNS相談、遺族支援を全国で行っています。";

    /**
     * One pending proposal for the secretariat's queue (moderated profile changes): moderation is on only while it is
     * made, so the platform starts with moderation off and the proposal still waits for a decision.
     */
    private void proposeProfileChange() {
        OrganizationId id = idOf(PROPOSING_ORGANIZATION);
        ProfilePatch patch = new ProfilePatch(null, null, null, null, null, null, null, null, null, null, null,
                PROPOSED_DESCRIPTION, null, null);
        send(PROPOSING_ORGANIZATION, new SwitchProfileModeration(true, null));
        send(PROPOSING_ORGANIZATION, new ChangeProfileAsMemberAdmin(id, null, patch,
                UUID.nameUUIDFromBytes("demo-proposal:1".getBytes(StandardCharsets.UTF_8)).toString()));
        send(PROPOSING_ORGANIZATION, new SwitchProfileModeration(false, null));
    }

    /**
     * The token of a subscription's mailed confirmation link, as the subscriber reading the mail would have it: sealed in
     * the request's event, which the mail sender unseals too. The demo stands in for the person who opens the link.
     */
    private String mailedConfirmationToken(jp.kodoku.platform.newsletter.api.SubscriptionId id) {
        return events.readEvents(id.value()).asStream()
                     .map(org.axonframework.messaging.Message::getPayload)
                     .filter(jp.kodoku.platform.newsletter.api.SubscriptionRequested.class::isInstance)
                     .map(jp.kodoku.platform.newsletter.api.SubscriptionRequested.class::cast)
                     .reduce((first, last) -> last)
                     .flatMap(requested -> vault.unseal(requested.confirmationToken()))
                     .orElseThrow(() -> new IllegalStateException("demo data: no confirmation for " + id));
    }

    /** How many organizations this instance created (0 when the data was already there). */
    public synchronized int organizationsCreated() {
        return organizationsCreated;
    }

    /** How many commands this instance sent. */
    public synchronized int commandsSent() {
        return commandsSent;
    }

    private static Object commandFor(OrganizationId id, PlannedChange change) {
        if (change instanceof CategoryChange c) {
            return new ChangeMemberCategory(id, null, c.newCategory(), c.reason(), c.date());
        }
        if (change instanceof Withdrawal w) {
            return new RecordWithdrawal(id, null, WithdrawalKind.REQUESTED_BY_MEMBER, w.reason(), w.date());
        }
        if (change instanceof Suspension s) {
            return new SuspendMember(id, null, s.reason());
        }
        if (change instanceof ProfileUpdate u) {
            return new UpdateOrganizationProfile(id, null, u.patch());
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    /**
     * Demo organizations have ids derived from their names, the same on every machine, so that the demo accounts
     * of the Keycloak realm (infra/keycloak) can name the organization they administer.
     */
    public static OrganizationId idOf(String organizationName) {
        return new OrganizationId(UUID.nameUUIDFromBytes(("demo-organization:" + organizationName)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    private OrganizationId submit(PlannedOrganization organization) {
        OrganizationId id = idOf(organization.profile().name());
        send(organization, new SubmitMembershipApplication(id, organization.profile(),
                organization.requestedCategory(), organization.primaryContact(), DemoOrganizations.BYLAWS_VERSION,
                null));
        organizationsCreated++;
        return id;
    }

    private void send(PlannedOrganization organization, Object command) {
        send(organization.profile().name(), command);
    }

    private void send(String about, Object command) {
        commandsSent++;
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(AuditMetadata.of(PRINCIPAL, "demo-data-" + commandsSent)));
        } catch (RuntimeException e) {
            throw new IllegalStateException("demo data: " + command.getClass().getSimpleName() + " for "
                    + about + " failed: " + e.getMessage(), e);
        }
    }
}
