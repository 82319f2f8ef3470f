package jp.kodoku.platform.newsletter.recipients;

import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.readmodel.ReadModelBatches;
import jp.kodoku.platform.infra.readmodel.VersionedDocuments;
import jp.kodoku.platform.membership.api.*;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who receives the newsletter: member organizations' contacts by membership (from membership's events) and the
 * subscriptions with their consent ledger (from the newsletter's own). Two collections, each through the versioned
 * upsert, rebuilt together from the events.
 */
@Component
@ProcessingGroup("newsletter")
class RecipientsProjection {

    private final MongoTemplate mongo;
    private final PersonalDataVault vault;
    private final VersionedDocuments<MemberOrganizationView> organizations;
    private final VersionedDocuments<SubscriberView> subscribers;

    RecipientsProjection(MongoTemplate mongo, ReadModelBatches batches, PersonalDataVault vault) {
        this.mongo = mongo;
        this.vault = vault;
        this.organizations = batches.versioned(MemberOrganizationView.class, MemberOrganizationView::new);
        this.subscribers = batches.versioned(SubscriberView.class, SubscriberView::new);
    }

    @ResetHandler
    void dropAll() {
        mongo.dropCollection(MemberOrganizationView.class);
        mongo.dropCollection(SubscriberView.class);
    }

    // ---- membership's events ----------------------------------------------------------------------------------------

    @EventHandler
    void on(MembershipApplicationSubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        organization(e.organizationId(), seq, o -> {
            o.status = "APPLIED";
            o.category = e.requestedCategory();
            profile(o, e.profile());
            o.contacts = new ArrayList<>(List.of(contact(e.primaryContact(), at)));
        });
    }

    @EventHandler
    void on(MembershipApplicationResubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        organization(e.organizationId(), seq, o -> {
            o.category = e.requestedCategory();
            profile(o, e.profile());
            o.contacts = new ArrayList<>(List.of(contact(e.primaryContact(), at)));
        });
    }

    @EventHandler
    void on(MembershipApplicationApproved e, @SequenceNumber long seq, @Timestamp Instant at) {
        organization(e.organizationId(), seq, o -> {
            o.status = "ACTIVE";
            o.category = e.category();
            // the contacts named in the application receive it from the day the organization became a member
            o.contacts = new ArrayList<>(o.contacts.stream()
                    .map(c -> new MemberOrganizationView.Contact(c.contactId(), c.email(), at, c.erased())).toList());
        });
    }

    @EventHandler
    void on(MembershipApplicationRejected e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.status = "REJECTED");
    }

    @EventHandler
    void on(OrganizationProfileUpdated e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> profile(o, e.profile()));
    }

    @EventHandler
    void on(MemberCategoryChanged e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.category = e.to());
    }

    @EventHandler
    void on(MemberSuspended e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.status = "SUSPENDED");
    }

    @EventHandler
    void on(MemberReinstated e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.status = "ACTIVE");
    }

    @EventHandler
    void on(MemberWithdrawn e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.status = "WITHDRAWN");
    }

    @EventHandler
    void on(ContactAdded e, @SequenceNumber long seq, @Timestamp Instant at) {
        organization(e.organizationId(), seq, o -> {
            o.contacts.removeIf(c -> c.contactId().equals(e.contact().contactId().value()));
            o.contacts.add(contact(e.contact(), at));
        });
    }

    @EventHandler
    void on(ContactChanged e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.contacts.replaceAll(c ->
                c.contactId().equals(e.contact().contactId().value())
                        ? new MemberOrganizationView.Contact(c.contactId(), e.contact().email(), c.since(), c.erased())
                        : c));
    }

    @EventHandler
    void on(ContactRemoved e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.contacts.removeIf(c -> c.contactId().equals(e.contactId().value())));
        forgetBounces(SubscriptionId.ofContact(e.contactId()));
    }

    @EventHandler
    void on(ContactPersonalDataErased e, @SequenceNumber long seq) {
        organization(e.organizationId(), seq, o -> o.contacts.replaceAll(c ->
                c.contactId().equals(e.contactId().value())
                        ? new MemberOrganizationView.Contact(c.contactId(), null, c.since(), true) : c));
        forgetBounces(SubscriptionId.ofContact(e.contactId()));
    }



    // ---- the newsletter's subscriptions -----------------------------------------------------------------------------

    @EventHandler
    void on(SubscriptionRequested e, @SequenceNumber long seq) {
        subscriber(e.subscriptionId(), seq, s -> {
            s.publicSubscriber = true;
            s.email = e.email();
            // never for an active subscription: the aggregate leaves one as it is when its address asks again
            s.status = SubscriptionStatus.PENDING_CONFIRMATION;
            s.ledger.add(new ConsentLedger.Entry("REQUESTED", e.requestedAt(), ConsentChannel.FORM.name(),
                    e.wordingVersion()));
        });
    }

    @EventHandler
    void on(SubscriptionConfirmed e, @SequenceNumber long seq) {
        subscriber(e.subscriptionId(), seq, s -> {
            s.status = SubscriptionStatus.ACTIVE;
            s.ledger.add(new ConsentLedger.Entry("CONFIRMED", e.confirmedAt(), ConsentChannel.FORM.name(),
                    lastWording(s)));
        });
    }

    @EventHandler
    void on(Unsubscribed e, @SequenceNumber long seq) {
        subscriber(e.subscriptionId(), seq, s -> {
            s.status = SubscriptionStatus.UNSUBSCRIBED;
            s.ledger.add(new ConsentLedger.Entry("UNSUBSCRIBED", e.at(), e.how().name(), null));
        });
    }

    @EventHandler
    void on(Resubscribed e, @SequenceNumber long seq) {
        subscriber(e.subscriptionId(), seq, s -> {
            s.status = SubscriptionStatus.ACTIVE;
            s.ledger.add(new ConsentLedger.Entry("RESUBSCRIBED", e.at(), e.how().name(), e.wordingVersion()));
        });
    }

    @EventHandler
    void on(SubscriberPersonalDataErased e, @SequenceNumber long seq, @Timestamp Instant at) {
        subscriber(e.subscriptionId(), seq, s -> {
            s.status = SubscriptionStatus.ERASED;
            s.email = null;
            s.suspended = false;
            s.suspendedBy = null;
            s.bounces.clear();
            s.ledger.add(new ConsentLedger.Entry("ERASED", at, "SECRETARIAT", null));
        });
    }

    // ---- bounces ----------------------------------------------------------------------------------------------------

    @EventHandler
    void on(BounceRecorded e, @SequenceNumber long seq) {
        subscriber(e.subscriptionId(), seq, s -> {
            s.bounces.add(0, new SubscriberView.Bounce(e.kind(), e.status(), e.diagnostic(),
                    e.issueId() == null ? null : e.issueId().value(), e.at()));
            if (s.bounces.size() > SubscriberView.BOUNCES_KEPT) {
                s.bounces.subList(SubscriberView.BOUNCES_KEPT, s.bounces.size()).clear();
            }
        });
    }

    @EventHandler
    void on(AddressSuspended e, @SequenceNumber long seq) {
        subscriber(e.subscriptionId(), seq, s -> {
            s.suspended = true;
            s.suspendedBy = new SubscriberView.Bounce(e.kind(), e.status(), e.diagnostic(),
                    e.issueId() == null ? null : e.issueId().value(), e.at());
        });
    }

    @EventHandler
    void on(SuspensionLifted e, @SequenceNumber long seq) {
        subscriber(e.subscriptionId(), seq, s -> {
            s.suspended = false;
            s.suspendedBy = null;
        });
    }

    /**
     * A member's contact removed or erased in membership: its bounces go with it (its diagnostics are sealed with the
     * contact's key, erased there). Not a versioned change, since the event is the organization's, not the
     * subscription's: it only ever empties, so doing it again changes nothing.
     */
    private void forgetBounces(SubscriptionId contact) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(contact.value())),
                new Update().set("suspended", false).unset("suspendedBy").set("bounces", List.of()),
                SubscriberView.class);
    }

    // ---- queries ----------------------------------------------------------------------------------------------------

    @QueryHandler
    List<Recipient> handle(ListRecipients query) {
        List<Recipient> recipients = new ArrayList<>();
        if (query.segment().includesMembers()) {
            List<MemberOrganizationView> members = mongo.find(members(query.segment()).with(Sort.by("_id")),
                    MemberOrganizationView.class);
            Set<String> left = contactsNotReceiving(members);
            for (MemberOrganizationView o : members) {
                for (MemberOrganizationView.Contact c : o.contacts) {
                    SubscriptionId id = SubscriptionId.ofContact(new ContactId(c.contactId()));
                    if (!c.erased() && c.email() != null && !left.contains(id.value())) {
                        recipients.add(new Recipient(id, c.email(), new OrganizationId(o.id)));
                    }
                }
            }
        }
        if (query.segment().includesPublic()) {
            Query active = Query.query(Criteria.where("publicSubscriber").is(true)
                                               .and("status").is(SubscriptionStatus.ACTIVE)
                                               .and("suspended").ne(true)).with(Sort.by("_id"));
            for (SubscriberView s : mongo.find(active, SubscriberView.class)) {
                recipients.add(new Recipient(new SubscriptionId(s.id), s.email, null));
            }
        }
        return recipients;
    }

    @QueryHandler
    Long handle(CountRecipients query) {
        return (long) handle(new ListRecipients(query.segment())).size();
    }

    @QueryHandler
    ConsentLedger handle(FindConsentLedger query) {
        String id = query.subscriptionId().value();
        SubscriberView subscriber = mongo.findById(id, SubscriberView.class);
        List<ConsentLedger.Entry> entries = new ArrayList<>();
        if (id.startsWith("contact-")) {
            String contactId = id.substring("contact-".length());
            MemberOrganizationView o = mongo.findOne(Query.query(Criteria.where("contacts.contactId").is(contactId)),
                    MemberOrganizationView.class);
            if (o == null && subscriber == null) {
                return null;
            }
            if (o != null) {
                o.contacts.stream().filter(c -> c.contactId().equals(contactId)).findFirst().ifPresent(c ->
                        entries.add(new ConsentLedger.Entry("SUBSCRIBED_BY_MEMBERSHIP", c.since(),
                                ConsentChannel.MEMBERSHIP.name(), null)));
            }
        } else if (subscriber == null) {
            return null;
        }
        if (subscriber != null) {
            entries.addAll(subscriber.ledger);
        }
        SubscriptionStatus status = subscriber != null ? subscriber.status : SubscriptionStatus.ACTIVE;
        return new ConsentLedger(query.subscriptionId(), status, List.copyOf(entries));
    }

    /** Suspended first, then by the latest bounce, newest first; addresses unsealed for the secretariat. */
    @QueryHandler
    List<BouncedAddress> handle(ListBouncedAddresses query) {
        List<BouncedAddress> answer = new ArrayList<>();
        for (SubscriberView s : mongo.find(Query.query(Criteria.where("bounces.0").exists(true)), SubscriberView.class)) {
            SealedValue email = s.email;
            OrganizationId organization = null;
            if (s.id.startsWith("contact-")) {
                String contactId = s.id.substring("contact-".length());
                MemberOrganizationView o = mongo.findOne(Query.query(Criteria.where("contacts.contactId").is(contactId)),
                        MemberOrganizationView.class);
                if (o != null) {
                    organization = new OrganizationId(o.id);
                    email = o.contacts.stream().filter(c -> c.contactId().equals(contactId)).findFirst()
                                      .map(MemberOrganizationView.Contact::email).orElse(null);
                }
            }
            answer.add(new BouncedAddress(new SubscriptionId(s.id), unseal(email), organization, s.suspended,
                    s.suspendedBy == null ? null : bounce(s.suspendedBy), s.bounces.stream().map(this::bounce).toList()));
        }
        answer.sort(Comparator.comparing(BouncedAddress::suspended).reversed()
                              .thenComparing(b -> b.bounces().get(0).at(), Comparator.reverseOrder()));
        return answer;
    }

    @QueryHandler
    List<BouncingContact> handle(ListBouncingContacts query) {
        MemberOrganizationView o = mongo.findById(query.organizationId().value(), MemberOrganizationView.class);
        if (o == null) {
            return List.of();
        }
        List<String> ids = o.contacts.stream().map(c -> "contact-" + c.contactId()).toList();
        Query bouncing = Query.query(Criteria.where("_id").in(ids).and("bounces.0").exists(true)).with(Sort.by("_id"));
        return mongo.find(bouncing, SubscriberView.class).stream()
                    .map(s -> new BouncingContact(new ContactId(s.id.substring("contact-".length())), s.suspended,
                            s.bounces.get(0).kind(), s.bounces.get(0).status(), s.bounces.get(0).at()))
                    .toList();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** Active members matching the segment's filters (MongoDB answers it; `$in` on arrays matches any element). */
    private static Query members(Segment segment) {
        Criteria criteria = Criteria.where("status").is("ACTIVE");
        if (!segment.categories().isEmpty()) {
            criteria = criteria.and("category").in(segment.categories());
        }
        if (!segment.prefectureCodes().isEmpty()) {
            Set<String> codes = new HashSet<>(segment.prefectureCodes());
            codes.add(MemberOrganizationView.NATIONWIDE);
            criteria = criteria.and("prefectureCodes").in(codes);
        }
        if (!segment.fieldsOfActivity().isEmpty()) {
            criteria = criteria.and("fieldsOfActivity").in(segment.fieldsOfActivity());
        }
        if (!segment.targetGroups().isEmpty()) {
            criteria = criteria.and("targetGroups").in(segment.targetGroups());
        }
        return Query.query(criteria);
    }

    /** Contacts who left the list, or whose address bounces and is suspended. */
    private Set<String> contactsNotReceiving(List<MemberOrganizationView> members) {
        List<String> ids = members.stream().flatMap(o -> o.contacts.stream())
                                  .map(c -> "contact-" + c.contactId()).toList();
        Query left = Query.query(Criteria.where("_id").in(ids).orOperator(
                Criteria.where("status").is(SubscriptionStatus.UNSUBSCRIBED), Criteria.where("suspended").is(true)));
        Set<String> result = new HashSet<>();
        mongo.find(left, SubscriberView.class).forEach(s -> result.add(s.id));
        return result;
    }

    private BouncedAddress.Bounce bounce(SubscriberView.Bounce b) {
        return new BouncedAddress.Bounce(b.kind(), b.status(), unseal(b.diagnostic()),
                b.issueId() == null ? null : new IssueId(b.issueId()), b.at());
    }

    private String unseal(SealedValue value) {
        return value == null ? null : vault.unseal(value).orElse(null);
    }

    private static String lastWording(SubscriberView s) {
        for (int i = s.ledger.size() - 1; i >= 0; i--) {
            if (s.ledger.get(i).wordingVersion() != null) {
                return s.ledger.get(i).wordingVersion();
            }
        }
        return null;
    }

    private static void profile(MemberOrganizationView o, OrganizationProfile profile) {
        o.prefectureCodes = profile.nationwide() ? new HashSet<>(Set.of(MemberOrganizationView.NATIONWIDE))
                : new HashSet<>(profile.prefectureCodes() == null ? Set.of() : profile.prefectureCodes());
        o.fieldsOfActivity = new HashSet<>(profile.fieldsOfActivity() == null ? Set.of() : profile.fieldsOfActivity());
        o.targetGroups = new HashSet<>(profile.targetGroups() == null ? Set.of() : profile.targetGroups());
    }

    private static MemberOrganizationView.Contact contact(ContactPerson person, Instant at) {
        return new MemberOrganizationView.Contact(person.contactId().value(), person.email(), at, false);
    }

    private void organization(OrganizationId id, long seq, Consumer<MemberOrganizationView> change) {
        organizations.upsert(id.value(), seq, change);
    }

    private void subscriber(SubscriptionId id, long seq, Consumer<SubscriberView> change) {
        subscribers.upsert(id.value(), seq, s -> {
            if (s.status == null) {
                s.status = SubscriptionStatus.ACTIVE;
            }
            change.accept(s);
        });
    }
}
