package jp.kodoku.platform.newsletter.issue;

import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * One issue (号) of the newsletter: its subject, planned send time, sections in order and items in order within each
 * section, and where it is on its way (draft → scheduled → sending → sent, or cancelled before sending). Only a draft
 * is edited; a scheduled issue goes back to draft to be edited; once it starts going out it never changes, and a
 * correction is a new issue. It decides from its own state; {@link IssueCommandHandler} brings the time and the number.
 */
@Aggregate
public class Issue {

    @AggregateIdentifier
    private IssueId id;
    private IssueStatus status;
    private Instant plannedSendAt;
    /** Section key → the item ids in the section, in order; the map's order is the sections' order. */
    private final Map<String, List<ItemId>> sections = new LinkedHashMap<>();
    private int sectionsAdded;

    protected Issue() {
        // for Axon
    }

    Issue(IssueId id, String subject, Instant plannedSendAt) {
        apply(new IssueDrafted(id, subject, plannedSendAt, Section.DEFAULTS));
    }

    long revise(String subject, Instant plannedSendAt) {
        requireDraft("revised");
        apply(new IssueRevised(id, subject, plannedSendAt));
        return getVersion();
    }

    long addSection(String title) {
        requireDraft("given a section");
        if (sections.size() >= IssueRules.SECTIONS_MAX) {
            throw new NewsletterRuleViolation("an issue has at most " + IssueRules.SECTIONS_MAX + " sections");
        }
        // Keys of added sections are never reused within the issue, so an old reference cannot point at a new one.
        apply(new IssueSectionAdded(id, new Section("section-" + (sectionsAdded + 1), title)));
        return getVersion();
    }

    long removeSection(String key) {
        requireDraft("changed");
        List<ItemId> items = section(key, "sectionKey");
        if (!items.isEmpty()) {
            throw new NewsletterRuleViolation("the section still has " + items.size()
                    + " items; move or remove them first");
        }
        apply(new IssueSectionRemoved(id, key));
        return getVersion();
    }

    long addItem(ItemId itemId, String sectionKey, ItemContent content) {
        requireDraft("changed");
        placeItem(itemId, sectionKey, content);
        return getVersion();
    }

    private void placeItem(ItemId itemId, String sectionKey, ItemContent content) {
        section(sectionKey, "sectionKey");
        if (sectionOf(itemId) != null) {
            throw new NewsletterRuleViolation("the issue has this item already");
        }
        if (itemCount() >= IssueRules.ITEMS_MAX) {
            throw new NewsletterRuleViolation("an issue has at most " + IssueRules.ITEMS_MAX + " items");
        }
        apply(new IssueItemAdded(id, itemId, sectionKey, content));
    }

    long reviseItem(ItemId itemId, ItemContent content) {
        requireDraft("changed");
        requireItem(itemId);
        apply(new IssueItemRevised(id, itemId, content));
        return getVersion();
    }

    long removeItem(ItemId itemId) {
        requireDraft("changed");
        requireItem(itemId);
        apply(new IssueItemRemoved(id, itemId));
        return getVersion();
    }

    long moveItem(ItemId itemId, String sectionKey, int position) {
        requireDraft("changed");
        String from = requireItem(itemId);
        int room = section(sectionKey, "sectionKey").size() - (from.equals(sectionKey) ? 1 : 0);
        if (position < 0 || position > room) {
            throw new InvalidNewsletterInput("position", "must be between 0 and " + room);
        }
        apply(new IssueItemMoved(id, itemId, sectionKey, position));
        return getVersion();
    }

    long schedule(Instant now, Segment segment) {
        requireDraft("scheduled");
        if (!plannedSendAt.isAfter(now)) {
            throw new NewsletterRuleViolation("the planned send time has passed; revise it to a time ahead first");
        }
        if (itemCount() == 0) {
            throw new NewsletterRuleViolation("an issue without items is not sent");
        }
        apply(new IssueSegmentChosen(id, segment));
        apply(new IssueScheduled(id, plannedSendAt));
        return getVersion();
    }

    long returnToDraft() {
        if (status != IssueStatus.SCHEDULED) {
            throw new NewsletterRuleViolation("only a scheduled issue goes back to draft; this issue is " + status);
        }
        apply(new IssueReturnedToDraft(id));
        return getVersion();
    }

    long cancel(String reason) {
        if (status != IssueStatus.DRAFT && status != IssueStatus.SCHEDULED) {
            throw new NewsletterRuleViolation(status == IssueStatus.CANCELLED ? "the issue is cancelled already"
                    : "an issue that has started going out cannot be cancelled; it is " + status);
        }
        apply(new IssueCancelled(id, reason));
        return getVersion();
    }

    /**
     * A new draft that went out before the platform kept the newsletter (ImportSentIssue): the rest of the history of
     * any sent issue, every step at the time it went out.
     */
    long recordSentBefore(Segment segment, List<ImportSentIssue.Item> items, int number, Instant sentAt) {
        requireDraft("imported");
        if (items.isEmpty()) {
            throw new NewsletterRuleViolation("an issue without items is not sent");
        }
        for (ImportSentIssue.Item item : items) {
            placeItem(item.itemId(), item.sectionKey(), item.content());
        }
        apply(new IssueSegmentChosen(id, segment));
        apply(new IssueScheduled(id, sentAt));
        apply(new IssueSendingStarted(id, number, sentAt));
        apply(new IssueSent(id, sentAt, 0, 0));
        return getVersion();
    }

    /**
     * Whether the issue starts going out now; false for a start already made (a task runs at least once). A start by
     * the planned time ({@code atOnce} false) is refused before that time: the timer that asked may be older than a
     * return to draft and a new, later time.
     */
    boolean startsSending(boolean atOnce, Instant now) {
        if (status == IssueStatus.SENDING || status == IssueStatus.SENT) {
            return false;
        }
        if (status != IssueStatus.SCHEDULED) {
            throw new NewsletterRuleViolation("only a scheduled issue starts going out; this issue is " + status);
        }
        if (!atOnce && plannedSendAt.isAfter(now)) {
            throw new NewsletterRuleViolation("the planned send time " + plannedSendAt + " has not come");
        }
        return true;
    }

    long startSending(int number, boolean atOnce, Instant now) {
        if (startsSending(atOnce, now)) {
            apply(new IssueSendingStarted(id, number, now));
        }
        return getVersion();
    }

    long markSent(int delivered, int failed, Instant now) {
        if (status == IssueStatus.SENT) {
            return getVersion();
        }
        if (status != IssueStatus.SENDING) {
            throw new NewsletterRuleViolation("only an issue that is going out can be sent; this issue is " + status);
        }
        apply(new IssueSent(id, now, delivered, failed));
        return getVersion();
    }

    private void requireDraft(String what) {
        switch (status) {
            case DRAFT -> {
            }
            case SCHEDULED -> throw new NewsletterRuleViolation("a scheduled issue is not " + what
                    + "; return it to draft first");
            case SENDING, SENT -> throw new NewsletterRuleViolation("an issue that has gone out never changes"
                    + "; a correction goes in a new issue");
            case CANCELLED -> throw new NewsletterRuleViolation("a cancelled issue is not " + what);
        }
    }

    private List<ItemId> section(String key, String field) {
        List<ItemId> items = key == null ? null : sections.get(key);
        if (items == null) {
            throw new InvalidNewsletterInput(field, "the issue has no section " + key);
        }
        return items;
    }

    /** The key of the item's section. */
    private String requireItem(ItemId itemId) {
        String key = sectionOf(itemId);
        if (key == null) {
            throw new ItemNotFound(itemId);
        }
        return key;
    }

    private String sectionOf(ItemId itemId) {
        return sections.entrySet().stream().filter(s -> s.getValue().contains(itemId)).map(Map.Entry::getKey)
                       .findFirst().orElse(null);
    }

    private int itemCount() {
        return sections.values().stream().mapToInt(List::size).sum();
    }

    // ---- state ------------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(IssueDrafted e) {
        id = e.issueId();
        status = IssueStatus.DRAFT;
        plannedSendAt = e.plannedSendAt();
        e.sections().forEach(s -> sections.put(s.key(), new ArrayList<>()));
    }

    @EventSourcingHandler
    void on(IssueRevised e) {
        plannedSendAt = e.plannedSendAt();
    }

    @EventSourcingHandler
    void on(IssueSectionAdded e) {
        sectionsAdded++;
        sections.put(e.section().key(), new ArrayList<>());
    }

    @EventSourcingHandler
    void on(IssueSectionRemoved e) {
        sections.remove(e.sectionKey());
    }

    @EventSourcingHandler
    void on(IssueItemAdded e) {
        sections.get(e.sectionKey()).add(e.itemId());
    }

    @EventSourcingHandler
    void on(IssueItemRemoved e) {
        sections.values().forEach(items -> items.remove(e.itemId()));
    }

    @EventSourcingHandler
    void on(IssueItemMoved e) {
        sections.values().forEach(items -> items.remove(e.itemId()));
        sections.get(e.sectionKey()).add(e.position(), e.itemId());
    }

    @EventSourcingHandler
    void on(IssueScheduled e) {
        status = IssueStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(IssueReturnedToDraft e) {
        status = IssueStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(IssueCancelled e) {
        status = IssueStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(IssueSendingStarted e) {
        status = IssueStatus.SENDING;
    }

    @EventSourcingHandler
    void on(IssueSent e) {
        status = IssueStatus.SENT;
    }
}
