package jp.kodoku.platform.gateway.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.*;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jp.kodoku.platform.activity.api.ActivityEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The feed as files a feed reader subscribes to: Atom (RFC 4287, written by Rome) and JSON Feed 1.1 (Jackson). The
 * same entries, the same ids (a tag URI per entry, so a reader never shows one twice), absolute links to the pages.
 */
@Component
class ActivityFeeds {

    static final String ATOM = "application/atom+xml; charset=UTF-8";
    static final String JSON_FEED = "application/feed+json; charset=UTF-8";
    private static final String AUTHOR = "孤独・孤立対策官民連携プラットフォーム事務局";
    private static final String ID_PREFIX = "tag:kodoku-platform.go.jp,2022:activity/";

    private final String baseUrl;
    private final ObjectMapper json;

    ActivityFeeds(@Value("${platform.activity.base-url:http://localhost:8080}") String baseUrl, ObjectMapper json) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.json = json;
    }

    /** A feed: its title, its own path (rel=self), the page it belongs to, its entries newest first. */
    record Feed(String title, String selfPath, String pagePath, List<ActivityEntry> entries) {
    }

    String atom(Feed feed) {
        SyndFeed atom = new SyndFeedImpl();
        atom.setFeedType("atom_1.0");
        atom.setTitle(feed.title());
        atom.setUri(ID_PREFIX + feed.selfPath());
        atom.setLanguage("ja");
        atom.setAuthor(AUTHOR);
        atom.setPublishedDate(Date.from(updated(feed)));
        List<SyndLink> links = new ArrayList<>();
        links.add(link("self", baseUrl + feed.selfPath(), "application/atom+xml"));
        links.add(link("alternate", baseUrl + feed.pagePath(), "text/html"));
        atom.setLinks(links);
        List<SyndEntry> entries = new ArrayList<>();
        for (ActivityEntry e : feed.entries()) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri(ID_PREFIX + e.id());
            entry.setTitle(e.text());
            entry.setLink(baseUrl + e.link());
            entry.setPublishedDate(Date.from(e.occurredAt()));
            entry.setUpdatedDate(Date.from(e.occurredAt()));
            SyndCategory kind = new SyndCategoryImpl();
            kind.setName(e.kind().name());
            entry.setCategories(List.of(kind));
            SyndContent summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(e.kind().japanese() + "：" + e.text());
            entry.setDescription(summary);
            entries.add(entry);
        }
        atom.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(atom, true);
        } catch (FeedException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
    }

    String jsonFeed(Feed feed) {
        List<Item> items = feed.entries().stream().map(e -> new Item(ID_PREFIX + e.id(), baseUrl + e.link(), e.text(),
                e.text(), e.occurredAt().toString(), List.of(e.kind().name()))).toList();
        try {
            return json.writeValueAsString(new JsonFeed("https://jsonfeed.org/version/1.1", feed.title(),
                    baseUrl + feed.pagePath(), baseUrl + feed.selfPath(), "ja", List.of(new Author(AUTHOR)), items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
    }

    /** The newest entry's time, so that an unchanged feed reads the same; a feed without entries: the platform's start. */
    private static Instant updated(Feed feed) {
        return feed.entries().isEmpty() ? Instant.parse("2022-02-01T00:00:00Z") : feed.entries().get(0).occurredAt();
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    /** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the fields this feed fills. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                    @JsonProperty("feed_url") String feedUrl, String language, List<Author> authors, List<Item> items) {
    }

    record Author(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String url, String title, @JsonProperty("content_text") String contentText,
                @JsonProperty("date_published") String datePublished, List<String> tags) {
    }
}
