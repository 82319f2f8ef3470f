package jp.kodoku.platform.gateway.pages;

import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The access matrix of the pages, as the API's AccessMatrixTest is for endpoints: for every page, what an anonymous
 * visitor, a member admin of another organization, the member admin of the organization and the secretariat get.
 * "sign-in" is the redirect to Keycloak; a page added without a row here is a page nobody checked.
 */
class PageAccessMatrixTest extends ApiTest {

    private static final String SIGN_IN = "sign-in";

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    String organization;
    String other;
    String primaryContact;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        if (organization == null) {
            organization = new Members(api).activeMember(Samples.application());
            other = new Members(api).activeMember(Samples.application());
            awaitProjections();
            primaryContact = api.get("/api/v1/organizations/" + organization)
                                .token(jp.kodoku.platform.gateway.support.TestTokens.secretariat()).send()
                                .json().get("contacts").get(0).get("contactId").asText();
        }
    }

    /** One page and what each kind of visitor gets: a status, or "sign-in". */
    private record Row(String method, String path, String anonymous, String otherAdmin, String ownAdmin,
                       String secretariat) {
    }

    private List<Row> rows() {
        String profile = "/organizations/" + organization + "/profile";
        String record = "/secretariat/organizations/" + organization;
        String contacts = "/organizations/" + organization + "/contacts";
        return List.of(
                new Row("GET", "/", "200", "200", "200", "200"),
                new Row("GET", "/directory", "200", "200", "200", "200"),
                new Row("GET", "/directory/" + organization, "200", "200", "200", "200"),
                new Row("GET", "/statistics", "200", "200", "200", "200"),
                new Row("GET", "/apply", "200", "200", "200", "200"),
                new Row("GET", "/applications/not-a-token", "404", "404", "404", "404"),
                new Row("GET", profile, SIGN_IN, "403", "200", "200"),
                new Row("POST", profile, SIGN_IN, "403", "400", "400"),
                new Row("GET", "/my-organization", SIGN_IN, "302", "302", "403"),
                new Row("GET", "/secretariat/applications", SIGN_IN, "403", "403", "200"),
                new Row("GET", "/secretariat/members", SIGN_IN, "403", "403", "200"),
                new Row("GET", "/secretariat/members.csv", SIGN_IN, "403", "403", "200"),
                new Row("GET", record, SIGN_IN, "403", "403", "200"),
                new Row("POST", record + "/approval", SIGN_IN, "403", "403", "409"), // an active member: not an application
                new Row("POST", record + "/rejection", SIGN_IN, "403", "403", "400"),
                new Row("POST", record + "/send-back", SIGN_IN, "403", "403", "400"),
                // profile history and contacts (personal data: the organization's own admins and the secretariat)
                new Row("GET", "/organizations/" + organization + "/history", SIGN_IN, "403", "200", "200"),
                new Row("GET", "/my-organization/history", SIGN_IN, "302", "302", "403"),
                new Row("GET", "/my-organization/contacts", SIGN_IN, "302", "302", "403"),
                new Row("GET", contacts, SIGN_IN, "403", "200", "200"),
                new Row("GET", contacts + "/new", SIGN_IN, "403", "200", "200"),
                new Row("POST", contacts, SIGN_IN, "403", "400", "400"),
                new Row("GET", contacts + "/" + primaryContact, SIGN_IN, "403", "200", "200"),
                new Row("POST", contacts + "/" + primaryContact, SIGN_IN, "403", "400", "400"),
                new Row("GET", contacts + "/" + primaryContact + "/removal", SIGN_IN, "403", "409", "409"),
                // the primary contact is never removed: the rule answers before the stale version does
                new Row("POST", contacts + "/" + primaryContact + "/removal", SIGN_IN, "403", "409", "409"),
                new Row("GET", "/my-organization/admins", SIGN_IN, "302", "302", "403"),
                new Row("GET", "/organizations/" + organization + "/admins", SIGN_IN, "403", "200", "200"),
                new Row("POST", "/organizations/" + organization + "/admins", SIGN_IN, "403", "400", "400"),
                new Row("GET", "/organizations/" + organization + "/admins/not-an-admin/removal", SIGN_IN, "403", "404", "404"),
                new Row("POST", "/organizations/" + organization + "/admins/not-an-admin/removal", SIGN_IN, "403", "404", "404"),
                // the newsletter's confirmation page: public, the mailed token is the credential
                new Row("GET", "/newsletter/subscriptions/00000000-0000-4000-8000-000000000000/confirm?token=x", "200", "200", "200", "200"),
                new Row("POST", "/newsletter/subscriptions/00000000-0000-4000-8000-000000000000/confirm", "404", "404", "404", "404"));
    }

    @Test
    void every_page_answers_each_kind_of_visitor_as_the_matrix_says() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            check(wrong, row, "anonymous", null, row.anonymous());
            check(wrong, row, "member admin of another organization", adminOf(other), row.otherAdmin());
            check(wrong, row, "its member admin", adminOf(organization), row.ownAdmin());
            check(wrong, row, "secretariat", oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat")),
                    row.secretariat());
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused_before_anything_is_done() throws Exception {
        long events = eventCount();

        int status = mvc.perform(post("/organizations/" + organization + "/profile").param("version", "1")
                                         .param("website", "https://forged.example.jp").with(adminOf(organization)))
                        .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
    }

    private static RequestPostProcessor adminOf(String id) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_member-admin"))
                          .idToken(t -> t.claim("organization_id", id));
    }

    private void check(List<String> wrong, Row row, String who, RequestPostProcessor as, String expected) throws Exception {
        MockHttpServletRequestBuilder request = row.method().equals("GET") ? get(row.path()) : post(row.path()).with(csrf());
        if (row.method().equals("POST")) {
            // a well-formed but unusable form: who may post gets the form's own 400, never a change
            request.param("version", "0");
        }
        if (as != null) {
            request.with(as);
        }
        var response = mvc.perform(request.accept("text/html")).andReturn().getResponse();
        String got = response.getStatus() == 302 && response.getRedirectedUrl() != null
                && response.getRedirectedUrl().endsWith("/oauth2/authorization/keycloak") ? SIGN_IN
                : Integer.toString(response.getStatus());
        if (!got.equals(expected)) {
            wrong.add(row.method() + " " + row.path() + " as " + who + ": expected " + expected + ", got " + got);
        }
    }
}
