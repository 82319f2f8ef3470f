package jp.kodoku.platform.newsletter.sending;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.infra.mail.Mail;
import jp.kodoku.platform.infra.mail.PlatformMail;
import jp.kodoku.platform.infra.mail.RenderedMail;
import jp.kodoku.platform.infra.text.EmailAddresses;
import jp.kodoku.platform.newsletter.Tokens;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The issue as a recipient would get it, before it goes out: a preview (both bodies and the unsubscribe headers,
 * rendered by the same code as the real mails) and a test send to addresses the secretariat names, marked as a test,
 * whose unsubscribe link names no subscription. Neither changes the issue.
 */
@Component
class IssuePreviews {

    /** Stands in for a recipient's token in a preview. */
    static final String PREVIEW_TOKEN = "preview";
    private static final String PREVIEW_ADDRESS = "recipient@example.jp";

    private final IssueLetters letters;
    private final PlatformMail mail;

    IssuePreviews(IssueLetters letters, PlatformMail mail) {
        this.letters = letters;
        this.mail = mail;
    }

    @QueryHandler
    IssuePreview handle(FindIssuePreview query) {
        IssueDetails issue = letters.current(query.issueId()).orElse(null);
        if (issue == null) {
            return null;
        }
        boolean member = query.audience() != Audience.PUBLIC;
        RenderedMail rendered = mail.render(letters.mail(issue, member, PREVIEW_ADDRESS, PREVIEW_TOKEN, false));
        return new IssuePreview(rendered.subject(), rendered.html(), rendered.text(), rendered.unsubscribe().header(),
                "List-Unsubscribe=One-Click");
    }

    /** Answers the number of mails enqueued; each request sends again (a test is meant to be repeatable). */
    @CommandHandler
    int handle(SendTestIssue command) {
        Set<String> addresses = addresses(command.addresses());
        IssueDetails issue = letters.current(command.issueId()).orElseThrow(() -> new IssueNotFound(command.issueId()));
        String token = Tokens.random();
        for (String address : addresses) {
            Mail test = letters.mail(issue, true, address, "test-" + token, true);
            mail.enqueue("newsletter-test/" + command.issueId().value() + "/" + token + "/" + address, test);
        }
        return addresses.size();
    }

    /** One to ten well-formed addresses (no header injection), each once; every bad one named. */
    private static Set<String> addresses(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidNewsletterInput("addresses", "name at least one address");
        }
        if (given.size() > SendTestIssue.ADDRESSES_MAX) {
            throw new InvalidNewsletterInput("addresses", "at most " + SendTestIssue.ADDRESSES_MAX + " addresses");
        }
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> addresses = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String address = given.get(i) == null ? null : given.get(i).strip();
            if (!EmailAddresses.isValid(address)) {
                violations.add(new FieldViolation("addresses[" + i + "]", "must be a mail address"));
            } else {
                addresses.add(address.toLowerCase(Locale.ROOT));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidNewsletterInput(violations);
        }
        return addresses;
    }
}
