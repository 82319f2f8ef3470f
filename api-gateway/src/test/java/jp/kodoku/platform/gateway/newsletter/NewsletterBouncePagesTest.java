package jp.kodoku.platform.gateway.newsletter;

import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Newsletters;
import jp.kodoku.platform.gateway.support.Samples;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;


import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Bounces on the pages (ADR 0048): the secretariat sees a suspended address with its reason and lifts the
 * suspension with the page's button; a member admin sees on the contacts page that a contact's address bounces.
 */
class NewsletterBouncePagesTest extends ApiTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    CommandGateway commands;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void the_secretariat_sees_a_suspended_address_with_its_reason_and_lifts_the_suspension() throws Exception {
        Bounced contact = aMembersContactWhoseAddressBounced();

        Element row = rowOf(bouncesPage(), contact.email());
        assertThat(row.text()).contains("会員の連絡先", "配信停止中", "恒久的な不達（5.1.1）", "User unknown");
        Element form = row.selectFirst("form[method=post]");
        assertThat(form).isNotNull();

        MvcResult lifted = mvc.perform(post(form.attr("action")).with(secretariat()).with(csrf()).accept("text/html"))
                              .andReturn();
        assertThat(lifted.getResponse().getRedirectedUrl()).isEqualTo("/secretariat/newsletter/bounces");
        awaitProjections();
        Element after = rowOf(bouncesPage(), contact.email());
        assertThat(after.text()).contains("配信中").doesNotContain("配信停止中");
        assertThat(after.select("form")).isEmpty();
    }

    @Test
    void a_member_admin_sees_that_a_contacts_address_bounces() throws Exception {
        Bounced contact = aMembersContactWhoseAddressBounced();

        Document page = PageChecks.page(mvc.perform(get("/organizations/" + contact.organizationId() + "/contacts")
                .with(adminOf(contact.organizationId())).accept("text/html")).andReturn());

        assertThat(page.select("table.contacts tbody tr").text())
                .contains(contact.email(), "メールマガジンの配信を止めています");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    record Bounced(String organizationId, String email) {
    }

    /** A new member whose primary contact's address a hard bounce suspended (as the bounce mailbox's reader records it). */
    private Bounced aMembersContactWhoseAddressBounced() {
        String organization = new Members(api).activeMember(Samples.application());
        awaitProjections();
        String email = Newsletters.hardBounceOfFirstContact(api, commands, organization);
        awaitProjections();
        return new Bounced(organization, email);
    }

    private Document bouncesPage() throws Exception {
        return PageChecks.page(mvc.perform(get("/secretariat/newsletter/bounces").with(secretariat()).accept("text/html"))
                                  .andReturn());
    }

    private static Element rowOf(Document page, String email) {
        assertThat(page.select("h1").text()).isEqualTo("届かないメールアドレス");
        return page.select("main table tbody tr").stream().filter(r -> r.select("th").text().equals(email)).findFirst()
                   .orElseThrow(() -> new AssertionError(email + " is not listed"));
    }

    private static OidcLoginRequestPostProcessor adminOf(String organizationId) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_member-admin"))
                          .idToken(t -> t.claim("organization_id", organizationId).claim("name", "団体管理 一郎"));
    }

    private static OidcLoginRequestPostProcessor secretariat() {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat"));
    }
}
