package jp.kodoku.platform.newsletter.sending;

import jp.kodoku.platform.infra.mail.ListUnsubscribe;
import jp.kodoku.platform.infra.mail.Mail;
import jp.kodoku.platform.infra.mail.MailProperties;
import jp.kodoku.platform.infra.mail.PlatformMail;
import jp.kodoku.platform.infra.mail.RenderedMail;
import jp.kodoku.platform.newsletter.BounceMailboxes;
import jp.kodoku.platform.newsletter.UnsubscribeLinks;
import jp.kodoku.platform.newsletter.api.FindIssue;
import jp.kodoku.platform.newsletter.api.IssueDetails;
import jp.kodoku.platform.newsletter.api.IssueId;
import jp.kodoku.platform.newsletter.api.IssueStatus;
import jp.kodoku.platform.newsletter.api.SubscriptionId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An issue as one recipient's mail (DESIGN.md §12): multipart HTML + plain text in UTF-8 (PlatformMail), the subject
 * as given, the sections with their items (members-only items only for members' contacts), and a footer with the
 * sender's name, postal address, contact address and the recipient's own unsubscribe link; the headers
 * {@code List-Unsubscribe} (the one-click HTTPS URL and a mailto) and {@code List-Unsubscribe-Post} (RFC 8058), and a
 * {@code Message-ID} stable per issue and recipient.
 *
 * <p>The content of an issue going out never changes, so it is read once per node from the issues' read model (once
 * that has caught up with the start; until then the recipient's row is tried again later) and kept.
 */
@Component
@EnableConfigurationProperties(SendingProperties.class)
class IssueLetters {

    static final String MASTHEAD = "孤独・孤立対策官民連携プラットフォーム メールマガジン";

    private final QueryGateway queries;
    private final PlatformMail mail;
    private final UnsubscribeLinks links;
    private final MailProperties sender;
    private final SendingProperties properties;
    private final BounceMailboxes mailboxes;
    private final String baseUrl;
    private final Map<IssueId, IssueDetails> goingOut = new ConcurrentHashMap<>();

    IssueLetters(QueryGateway queries, PlatformMail mail, UnsubscribeLinks links, MailProperties sender,
                 SendingProperties properties, BounceMailboxes mailboxes,
                 @Value("${platform.newsletter.base-url:http://localhost:8080}") String baseUrl) {
        this.queries = queries;
        this.mail = mail;
        this.links = links;
        this.sender = sender;
        this.properties = properties;
        this.mailboxes = mailboxes;
        this.baseUrl = baseUrl;
    }

    /** The issue as it stands now (a draft for a preview or a test), or empty for an unknown issue. */
    Optional<IssueDetails> current(IssueId issue) {
        return Optional.ofNullable(queries.query(new FindIssue(issue), ResponseTypes.instanceOf(IssueDetails.class))
                                          .join());
    }

    /**
     * The content of an issue going out, at least at {@code version} (the start). The read model normally holds it
     * before the first row comes due; while it lags (just after the start, or while it is rebuilt after a restart) this
     * fails at once, and the outbox tries the row again after its back-off: waiting here would hold the row's lock and
     * a worker for nothing.
     */
    IssueDetails goingOut(IssueId issue, long version) {
        IssueDetails kept = goingOut.get(issue);
        if (kept != null) {
            return kept;
        }
        IssueDetails read = current(issue).orElse(null);
        if (read == null || read.version() < version
                || (read.status() != IssueStatus.SENDING && read.status() != IssueStatus.SENT)) {
            throw new IllegalStateException("the issues' read model has not reached version " + version + " of "
                    + issue + " yet; the outbox tries again");
        }
        goingOut.put(issue, read);
        return read;
    }

    /** The mail to one recipient, with the Message-ID given (the row's). */
    RenderedMail letter(IssueDetails issue, boolean member, String to, SubscriptionId recipient, String messageId) {
        RenderedMail rendered = mail.render(mail(issue, member, to, links.token(recipient), false));
        return new RenderedMail(messageId, rendered.to(), rendered.toName(), rendered.subject(), rendered.html(),
                rendered.text(), rendered.attachments(), rendered.unsubscribe());
    }

    /**
     * The mail before rendering. {@code test}: marked as a test in its subject and body; its unsubscribe token names
     * no subscription, so following it changes nothing.
     */
    Mail mail(IssueDetails issue, boolean member, String to, String unsubscribeToken, boolean test) {
        String subject = test ? "[テスト送信] " + issue.subject() : issue.subject();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("test", test);
        model.put("subject", issue.subject());
        model.put("masthead", issue.number() == null ? MASTHEAD : MASTHEAD + " 第" + issue.number() + "号");
        model.put("sections", sections(issue, member));
        model.put("senderName", sender.fromName());
        model.put("postalAddress", properties.postalAddress());
        model.put("contactAddress", properties.contactAddress().isBlank() ? sender.fromAddress()
                : properties.contactAddress());
        model.put("unsubscribeUrl", baseUrl + "/newsletter/unsubscribe/" + unsubscribeToken);
        return new Mail(to, null, subject, "newsletter/issue", model, List.of(), unsubscribe(unsubscribeToken));
    }

    /**
     * The headers' one-click URL answers a POST without a page or a sign-in (RFC 8058); the mailto is the fallback,
     * its subject carrying the token that the unsubscribe mailbox's reader looks for (ADR 0048).
     */
    ListUnsubscribe unsubscribe(String token) {
        return new ListUnsubscribe(baseUrl + "/api/v1/newsletter/unsubscribe/" + token,
                "mailto:" + mailboxes.unsubscribeAddress() + "?subject=unsubscribe-" + token);
    }

    /** Stable per issue and recipient, so that a mail sent again after a crash is the same message to the client. */
    String messageId(IssueId issue, SubscriptionId recipient) {
        String from = sender.fromAddress();
        return "<newsletter." + issue.value() + "." + recipient.value() + from.substring(from.indexOf('@')) + ">";
    }

    /** Sections with something for this recipient; members-only items only for members' contacts. */
    private static List<IssueDetails.SectionDetails> sections(IssueDetails issue, boolean member) {
        return issue.sections().stream()
                    .map(s -> new IssueDetails.SectionDetails(s.key(), s.title(),
                            s.items().stream().filter(i -> member || !i.membersOnly()).toList()))
                    .filter(s -> !s.items().isEmpty())
                    .toList();
    }
}
