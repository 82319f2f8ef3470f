package jp.kodoku.platform.gateway.newsletter;

import com.rometools.rome.feed.synd.*;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jp.kodoku.platform.newsletter.api.ArchivedIssue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The public archive as an Atom feed (RFC 4287, written by Rome as the activity feed is): one entry per issue sent to
 * everyone, newest first, its public sections as the entry's HTML content, a tag URI per issue number so a reader never
 * shows one twice, absolute links to the archive's pages.
 */
@Component
class NewsletterArchiveFeed {

    static final String ATOM = "application/atom+xml; charset=UTF-8";
    static final String SELF = "/api/v1/newsletter/issues.atom";
    static final String PAGE = "/newsletter";
    private static final String TITLE = "孤独・孤立対策官民連携プラットフォーム メールマガジン";
    private static final String AUTHOR = "孤独・孤立対策官民連携プラットフォーム事務局";
    private static final String ID_PREFIX = "tag:kodoku-platform.go.jp,2022:newsletter/";

    private final String baseUrl;

    NewsletterArchiveFeed(@Value("${platform.newsletter.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    String atom(List<ArchivedIssue> issues) {
        SyndFeed atom = new SyndFeedImpl();
        atom.setFeedType("atom_1.0");
        atom.setTitle(TITLE);
        atom.setUri(ID_PREFIX + "issues");
        atom.setLanguage("ja");
        // RFC 4287 wants an atom:author on the feed when its entries have none; Rome writes the list, not setAuthor
        SyndPerson author = new SyndPersonImpl();
        author.setName(AUTHOR);
        atom.setAuthors(List.of(author));
        // the newest issue's time, so that an unchanged archive reads the same
        atom.setPublishedDate(Date.from(issues.isEmpty() ? Instant.parse("2022-02-01T00:00:00Z") : issues.get(0).sentAt()));
        atom.setLinks(List.of(link("self", baseUrl + SELF, "application/atom+xml"),
                link("alternate", baseUrl + PAGE, "text/html")));
        List<SyndEntry> entries = new ArrayList<>();
        for (ArchivedIssue issue : issues) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri(ID_PREFIX + "issues/" + issue.number());
            entry.setTitle(title(issue));
            entry.setLink(baseUrl + NewsletterArchivePages.issuePath(issue.number()));
            entry.setPublishedDate(Date.from(issue.sentAt()));
            entry.setUpdatedDate(Date.from(issue.sentAt()));
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(html(issue));
            entry.setContents(List.of(content));
            entries.add(entry);
        }
        atom.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(atom, true);
        } catch (FeedException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
    }

    static String title(ArchivedIssue issue) {
        return "第" + issue.number() + "号 " + issue.subject();
    }

    /** The sections as the mail shows them: headings and the bodies the safe subset rendered (already escaped). */
    private static String html(ArchivedIssue issue) {
        StringBuilder html = new StringBuilder();
        for (ArchivedIssue.ArchivedSection section : issue.sections()) {
            html.append("<h2>").append(HtmlUtils.htmlEscape(section.title())).append("</h2>\n");
            for (ArchivedIssue.ArchivedItem item : section.items()) {
                html.append("<h3>").append(HtmlUtils.htmlEscape(item.title())).append("</h3>\n").append(item.bodyHtml());
                if (item.link() != null) {
                    String href = HtmlUtils.htmlEscape(item.link());
                    html.append("<p><a href=\"").append(href).append("\">").append(href).append("</a></p>\n");
                }
            }
        }
        return html.toString();
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
