package jp.kodoku.platform.gateway.newsletter;

import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Newsletters;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.newsletter.api.*;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The newsletter's pages, fast (MockMvc and jsoup, PageChecks on each): a member admin's mistakes announced at their
 * fields, the proposal then listed with its state; the secretariat's reason required at its own field; an item's
 * markup shown as text in the editor; the archive's issue page without members-only items.
 */
class NewsletterProposalPagesTest extends ApiTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    CommandGateway commands;

    MockMvc mvc;
    String organization;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        organization = new Members(api).activeMember(Samples.application());
    }

    private RequestPostProcessor admin() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_member-admin"))
                          .idToken(t -> t.claim("organization_id", organization));
    }

    private static RequestPostProcessor secretariat() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat"));
    }

    @Test
    void a_member_admins_mistakes_are_announced_at_their_fields_and_a_good_proposal_is_listed_with_its_state()
            throws Exception {
        Document refused = PageChecks.page(mvc.perform(post("/my-organization/newsletter-proposals").with(admin()).with(csrf())
                .param("kind", "EVENT").param("title", " ").param("body", "本文").param("link", "javascript:alert(1)")
                .accept("text/html")).andReturn());
        assertThat(refused.select(".error-summary a").eachAttr("href")).containsExactly("#field-title", "#field-link");
        assertThat(refused.select("#field-link").attr("aria-invalid")).isEqualTo("true");

        mvc.perform(post("/my-organization/newsletter-proposals").with(admin()).with(csrf()).param("kind", "EVENT")
                .param("title", "居場所づくり交流会").param("body", "どなたでも参加できます。").param("link", ""));
        awaitProjections();

        Document listed = PageChecks.page(mvc.perform(get("/my-organization/newsletter-proposals").with(admin())
                .accept("text/html")).andReturn());
        assertThat(listed.select("article.proposal h3").eachText()).containsExactly("居場所づくり交流会");
        assertThat(listed.select("article.proposal dd").eachText()).contains("イベント", "確認待ち");
    }

    @Test
    void a_deferral_without_a_reason_is_announced_at_the_reason_and_changes_nothing() throws Exception {
        ItemProposalId proposal = ItemProposalId.random();
        commands.sendAndWait(new ProposeItem(proposal, new OrganizationId(organization), ProposalKind.ACTIVITY_REPORT,
                new ItemContent("見守り活動の報告", "地域の見守り活動を報告します。", null, false)));
        awaitProjections();
        long before = eventCount();

        Document refused = PageChecks.page(mvc.perform(post("/secretariat/newsletter/proposals/" + proposal.value() + "/deferral")
                .with(secretariat()).with(csrf()).param("version", "0").param("deferReason", " ").accept("text/html"))
                .andReturn());

        assertThat(refused.select(".error-summary a").eachAttr("href")).containsExactly("#field-deferReason");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void an_items_markup_is_shown_as_text_in_the_editor() throws Exception {
        IssueId issue = IssueId.random();
        commands.sendAndWait(new DraftIssue(issue, "ページテスト号", Instant.now().plus(7, ChronoUnit.DAYS)));
        mvc.perform(post("/secretariat/newsletter/issues/" + issue.value() + "/items").with(secretariat()).with(csrf())
                .param("version", "0").param("sectionKey", "notices").param("title", "お知らせ<b onclick=x()>")
                .param("body", "<img src=x onerror=alert(1)>と**太字**"));
        awaitProjections();

        Document editor = PageChecks.page(mvc.perform(get("/secretariat/newsletter/issues/" + issue.value())
                .with(secretariat()).accept("text/html")).andReturn());

        assertThat(editor.select(".newsletter-item h4").eachText()).containsExactly("お知らせ<b onclick=x()>");
        assertThat(editor.select(".newsletter-item img, .newsletter-item [onclick], .newsletter-item [onerror]")).isEmpty();
        assertThat(editor.select(".newsletter-item strong").eachText()).containsExactly("太字");
    }

    @Test
    void the_archives_issue_page_leaves_out_members_only_items() throws Exception {
        int number = Newsletters.sentToEveryone(commands, jdbc, "ページテスト 公開号");
        awaitProjections();

        Document page = PageChecks.page(mvc.perform(get("/newsletter/issues/" + number).accept("text/html")).andReturn());

        assertThat(page.select("h1").text()).isEqualTo("第" + number + "号 ページテスト 公開号");
        assertThat(page.select(".newsletter-item h3").eachText()).containsExactly(Newsletters.PUBLIC_ITEM);
        assertThat(page.select("main script")).isEmpty();
        assertThat(page.select("main").text()).contains("<script>alert('archive')</script>");
    }
}
