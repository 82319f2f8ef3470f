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
    String event;

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
        if (event == null) {
            event = new jp.kodoku.platform.gateway.support.Events(api).published(
                    jp.kodoku.platform.gateway.support.Events.workshop(30));
            awaitProjections();
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
                // the secretariat's decisions about a member: a form, then a confirmation (a form without its required
                // fields answers 400; the erasure's reason is optional, so its first post shows the confirmation)
                new Row("GET", record + "/category-change", SIGN_IN, "403", "403", "200"),
                new Row("POST", record + "/category-change", SIGN_IN, "403", "403", "400"),
                new Row("GET", record + "/steering-term", SIGN_IN, "403", "403", "200"),
                new Row("POST", record + "/steering-term", SIGN_IN, "403", "403", "400"),
                new Row("GET", record + "/steering-term-end", SIGN_IN, "403", "403", "200"),
                new Row("POST", record + "/steering-term-end", SIGN_IN, "403", "403", "400"),
                new Row("GET", record + "/suspension", SIGN_IN, "403", "403", "200"),
                new Row("POST", record + "/suspension", SIGN_IN, "403", "403", "400"),
                new Row("GET", record + "/reinstatement", SIGN_IN, "403", "403", "200"),
                new Row("POST", record + "/reinstatement", SIGN_IN, "403", "403", "400"),
                new Row("GET", record + "/withdrawal", SIGN_IN, "403", "403", "200"),
                new Row("POST", record + "/withdrawal", SIGN_IN, "403", "403", "400"),
                new Row("GET", record + "/no-such-action", SIGN_IN, "403", "403", "404"),
                new Row("GET", record + "/contacts/" + primaryContact + "/erasure", SIGN_IN, "403", "403", "200"),
                new Row("POST", record + "/contacts/" + primaryContact + "/erasure", SIGN_IN, "403", "403", "200"),
                // API clients: the secretariat's, as in the API
                new Row("GET", "/secretariat/api-clients", SIGN_IN, "403", "403", "200"),
                new Row("GET", "/secretariat/api-clients/new", SIGN_IN, "403", "403", "200"),
                new Row("POST", "/secretariat/api-clients", SIGN_IN, "403", "403", "400"),
                new Row("GET", "/secretariat/api-clients/not-a-client", SIGN_IN, "403", "403", "404"),
                new Row("GET", "/secretariat/api-clients/not-a-client/rotation", SIGN_IN, "403", "403", "404"),
                new Row("POST", "/secretariat/api-clients/not-a-client/rotation", SIGN_IN, "403", "403", "404"),
                new Row("GET", "/secretariat/api-clients/not-a-client/revocation", SIGN_IN, "403", "403", "404"),
                new Row("POST", "/secretariat/api-clients/not-a-client/revocation", SIGN_IN, "403", "403", "404"),
                // the language switch (ADR 0047): everyone, a preference in a cookie
                new Row("GET", "/language/en?back=/directory", "303", "303", "303", "303"),
                new Row("GET", "/language/fr", "404", "404", "404", "404"),
                // the activity feed (issue 14): everyone, each reading what it may
                new Row("GET", "/activity", "200", "200", "200", "200"),
                new Row("GET", "/activity?kind=MEMBER_JOINED", "200", "200", "200", "200"),
                new Row("GET", "/activity?cursor=not-a-cursor", "400", "400", "400", "400"),
                // events: the calendar, an event and the registrant's link are public; registering staff is a member
                // admin's, the organization's registrations its own admins' and the secretariat's, the editor the
                // secretariat's
                new Row("GET", "/events", "200", "200", "200", "200"),
                new Row("GET", "/events/" + event, "200", "200", "200", "200"),
                new Row("GET", "/events/not-an-event", "404", "404", "404", "404"),
                new Row("GET", "/events/" + event + "/registrations/confirm?token=not-a-token", "200", "200", "200", "200"),
                new Row("POST", "/events/" + event + "/registrations/confirm", "404", "404", "404", "404"),
                new Row("POST", "/events/" + event + "/registrations/cancel", "404", "404", "404", "404"),
                new Row("POST", "/events/" + event + "/public-registrations", "400", "400", "400", "400"),
                new Row("POST", "/events/" + event + "/registrations", SIGN_IN, "400", "400", "403"),
                new Row("GET", "/my-organization/event-registrations", SIGN_IN, "302", "302", "403"),
                new Row("GET", "/organizations/" + organization + "/event-registrations", SIGN_IN, "403", "200", "200"),
                new Row("POST", "/organizations/" + organization + "/event-registrations/" + event + "/not-a-registration/cancel",
                        SIGN_IN, "403", "404", "404"),
                new Row("GET", "/secretariat/events", SIGN_IN, "403", "403", "200"),
                new Row("GET", "/secretariat/events/new", SIGN_IN, "403", "403", "200"),
                new Row("POST", "/secretariat/events", SIGN_IN, "403", "403", "400"),
                new Row("GET", "/secretariat/events/" + event, SIGN_IN, "403", "403", "200"),
                new Row("POST", "/secretariat/events/" + event, SIGN_IN, "403", "403", "400"),
                // a published event: not a draft, not a proposal; the rule answers before the stale version does
                new Row("POST", "/secretariat/events/" + event + "/publication", SIGN_IN, "403", "403", "409"),
                new Row("POST", "/secretariat/events/" + event + "/approval", SIGN_IN, "403", "403", "409"),
                new Row("POST", "/secretariat/events/" + event + "/rejection", SIGN_IN, "403", "403", "409"),
                new Row("POST", "/secretariat/events/" + event + "/rescheduling", SIGN_IN, "403", "403", "400"),
                new Row("POST", "/secretariat/events/" + event + "/cancellation", SIGN_IN, "403", "403", "400"),
                new Row("GET", "/secretariat/events/" + event + "/registrations", SIGN_IN, "403", "403", "200"),
                new Row("GET", "/secretariat/events/" + event + "/registrations.csv", SIGN_IN, "403", "403", "200"),
                new Row("POST", "/secretariat/events/" + event + "/registrations/not-a-registration/waitlist-position",
                        SIGN_IN, "403", "403", "400"),
                new Row("POST", "/secretariat/events/" + event + "/registrations/not-a-registration/removal",
                        SIGN_IN, "403", "403", "400"),
                // the newsletter's confirmation page: public, the mailed token is the credential
                new Row("GET", "/newsletter/subscriptions/00000000-0000-4000-8000-000000000000/confirm?token=x", "200", "200", "200", "200"),
                new Row("POST", "/newsletter/subscriptions/00000000-0000-4000-8000-000000000000/confirm", "404", "404", "404", "404"),
                // the unsubscribe page an issue's footer links to: public, the token is the credential (a forged one: 404)
                new Row("GET", "/newsletter/unsubscribe/forged.AAAAAAAA", "200", "200", "200", "200"),
                new Row("POST", "/newsletter/unsubscribe/forged.AAAAAAAA", "404", "404", "404", "404"));
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

    // ---- subcommittee pages (分科会): a member organization, an organization outside, its chair, another's chair ----

    private String subcommittee;
    private String poll;
    private String slot;
    private String meeting;

    /**
     * One page of a subcommittee and what each kind of visitor gets. "outsider" is the member admin of an organization
     * that is no member of the subcommittee, "member" that of a member organization; "otherChair" chairs another one.
     */
    private record SubcommitteeRow(String method, String path, String anonymous, String outsider, String member,
                                   String chair, String otherChair, String secretariat) {
    }

    /** Its lead is a third organization; {@code organization} is a member, {@code other} is not; a confirmed poll's meeting and an open poll. */
    private void aSubcommittee() {
        if (subcommittee != null) {
            return;
        }
        String token = jp.kodoku.platform.gateway.support.TestTokens.secretariat();
        var subcommittees = new jp.kodoku.platform.gateway.support.Subcommittees(api);
        subcommittee = subcommittees.create(new Members(api).activeMember(Samples.application()));
        assertThat(subcommittees.post(subcommittee, "/members", token, java.util.Map.of("organizationId", organization))
                                .status()).isEqualTo(200);
        String day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(10).toString();
        var confirmed = subcommittees.post(subcommittee, "/polls", token, java.util.Map.of("title", "確定済みの日程調整",
                "deadline", day + "T09:00", "slots", List.of(java.util.Map.of("date", day))));
        String confirmedPoll = confirmed.json().get("pollId").asText();
        assertThat(subcommittees.post(subcommittee, "/polls/" + confirmedPoll + "/confirmation", token,
                java.util.Map.of("slotId", confirmed.json().get("slotIds").get(0).asText())).status()).isEqualTo(200);
        meeting = jp.kodoku.platform.subcommittees.api.MeetingId.fromPoll(
                new jp.kodoku.platform.subcommittees.api.PollId(confirmedPoll)).value();
        var open = subcommittees.post(subcommittee, "/polls", token, java.util.Map.of("title", "開いている日程調整",
                "deadline", day + "T09:00", "slots", List.of(java.util.Map.of("date", day))));
        poll = open.json().get("pollId").asText();
        slot = open.json().get("slotIds").get(0).asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                api.get("/api/v1/subcommittees/" + subcommittee + "/meetings").token(token).send().json().size() == 1);
        awaitProjections();
    }

    private List<SubcommitteeRow> subcommitteeRows() {
        String base = "/subcommittees/" + subcommittee;
        String pollPath = base + "/polls/" + poll;
        String meetingPath = base + "/meetings/" + meeting;
        String admin = "/secretariat/subcommittees/" + subcommittee;
        return List.of(
                new SubcommitteeRow("GET", "/subcommittees", "200", "200", "200", "200", "200", "200"),
                new SubcommitteeRow("GET", base, "200", "200", "200", "200", "200", "200"),
                new SubcommitteeRow("GET", "/subcommittees/bunkakai-0", "404", "404", "404", "404", "404", "404"),
                // the decision trail: anyone (the public part), insiders see more
                new SubcommitteeRow("GET", base + "/decision-trail", "200", "200", "200", "200", "200", "200"),
                new SubcommitteeRow("GET", base + "/deliverables/not-a-deliverable", "404", "404", "404", "404", "404", "404"),
                // inside: its members, its chair, the secretariat
                new SubcommitteeRow("GET", base + "/meetings", SIGN_IN, "403", "200", "200", "403", "200"),
                new SubcommitteeRow("GET", meetingPath, SIGN_IN, "403", "200", "200", "403", "200"),
                new SubcommitteeRow("GET", pollPath, SIGN_IN, "403", "200", "200", "403", "200"),
                new SubcommitteeRow("GET", base + "/members", SIGN_IN, "403", "200", "200", "403", "200"),
                // answers: member admins of member organizations only (they answer for their organization)
                new SubcommitteeRow("POST", pollPath + "/answers", SIGN_IN, "403", "400", "403", "403", "403"),
                // running it: its chair and the secretariat
                new SubcommitteeRow("GET", base + "/polls/new", SIGN_IN, "403", "403", "200", "403", "200"),
                new SubcommitteeRow("POST", base + "/polls", SIGN_IN, "403", "403", "400", "403", "400"),
                new SubcommitteeRow("POST", pollPath + "/slots", SIGN_IN, "403", "403", "400", "403", "400"),
                new SubcommitteeRow("POST", pollPath + "/slots/" + slot, SIGN_IN, "403", "403", "400", "403", "400"),
                // its only slot: "a poll keeps at least one slot" answers before the stale version does
                new SubcommitteeRow("POST", pollPath + "/slots/" + slot + "/removal", SIGN_IN, "403", "403", "409", "403", "409"),
                new SubcommitteeRow("POST", pollPath + "/confirmation", SIGN_IN, "403", "403", "400", "403", "400"),
                new SubcommitteeRow("POST", meetingPath + "/rescheduling", SIGN_IN, "403", "403", "400", "403", "400"),
                new SubcommitteeRow("POST", meetingPath + "/cancellation", SIGN_IN, "403", "403", "400", "403", "400"),
                new SubcommitteeRow("POST", meetingPath + "/place", SIGN_IN, "403", "403", "400", "403", "400"),
                // no open request of that organization
                new SubcommitteeRow("POST", base + "/requests/" + other + "/approval", SIGN_IN, "403", "403", "404", "403", "404"),
                new SubcommitteeRow("POST", base + "/requests/" + other + "/decline", SIGN_IN, "403", "403", "404", "403", "404"),
                // an organization's subcommittees and its requests to join: its member admins, the secretariat
                new SubcommitteeRow("GET", "/my-organization/subcommittees", SIGN_IN, "302", "302", "403", "403", "403"),
                new SubcommitteeRow("GET", "/organizations/" + organization + "/subcommittees", SIGN_IN, "403", "200", "403", "403", "200"),
                new SubcommitteeRow("POST", "/organizations/" + organization + "/subcommittees", SIGN_IN, "403", "400", "403", "403", "400"),
                new SubcommitteeRow("GET", "/my-subcommittee", SIGN_IN, "403", "403", "302", "302", "403"),
                // the secretariat's
                new SubcommitteeRow("GET", "/secretariat/subcommittees", SIGN_IN, "403", "403", "403", "403", "200"),
                new SubcommitteeRow("POST", "/secretariat/subcommittees", SIGN_IN, "403", "403", "403", "403", "400"),
                new SubcommitteeRow("GET", admin, SIGN_IN, "403", "403", "403", "403", "200"),
                new SubcommitteeRow("POST", admin + "/lead-organizations", SIGN_IN, "403", "403", "403", "403", "400"),
                new SubcommitteeRow("POST", admin + "/chairs", SIGN_IN, "403", "403", "403", "403", "400"),
                new SubcommitteeRow("POST", admin + "/chairs/not-a-chair/end", SIGN_IN, "403", "403", "403", "403", "400"),
                new SubcommitteeRow("POST", admin + "/closure", SIGN_IN, "403", "403", "403", "403", "400"),
                // a meeting's agenda and attendance (its chair and the secretariat write; no such item: 404)
                new SubcommitteeRow("POST", meetingPath + "/agenda", SIGN_IN, "403", "403", "400", "403", "400"),
                new SubcommitteeRow("POST", meetingPath + "/agenda/" + NO_ITEM, SIGN_IN, "403", "403", "404", "403", "404"),
                new SubcommitteeRow("POST", meetingPath + "/agenda/" + NO_ITEM + "/removal", SIGN_IN, "403", "403", "404", "403", "404"),
                new SubcommitteeRow("POST", meetingPath + "/agenda/" + NO_ITEM + "/move", SIGN_IN, "403", "403", "404", "403", "404"),
                new SubcommitteeRow("POST", meetingPath + "/agenda/" + NO_ITEM + "/files", SIGN_IN, "403", "403", "404", "403", "404"),
                new SubcommitteeRow("POST", meetingPath + "/agenda/" + NO_ITEM + "/files/" + NO_FILE + "/removal",
                        SIGN_IN, "403", "403", "404", "403", "404"),
                // a file of a members-only meeting: its insiders (here no such item), refused to anyone else
                new SubcommitteeRow("GET", meetingPath + "/agenda/" + NO_ITEM + "/files/" + NO_FILE, SIGN_IN, "403", "404", "404", "403", "404"),
                // the meeting has not begun: the rule answers before the stale version does
                new SubcommitteeRow("POST", meetingPath + "/attendance", SIGN_IN, "403", "403", "409", "403", "409"),
                // minutes not started yet: the drafters get the empty editor, members are told there are none
                new SubcommitteeRow("GET", meetingPath + "/minutes", SIGN_IN, "403", "404", "200", "403", "200"),
                new SubcommitteeRow("POST", meetingPath + "/minutes", SIGN_IN, "403", "403", "400", "403", "400"),
                new SubcommitteeRow("GET", meetingPath + "/minutes/comparison?from=1&to=2", SIGN_IN, "403", "403", "404", "403", "404"),
                new SubcommitteeRow("POST", meetingPath + "/minutes/revisions/1/restoration", SIGN_IN, "403", "403", "404", "403", "404"),
                new SubcommitteeRow("GET", meetingPath + "/minutes/finalization", SIGN_IN, "403", "403", "404", "403", "404"),
                new SubcommitteeRow("POST", meetingPath + "/minutes/finalization", SIGN_IN, "403", "403", "404", "403", "404"),
                new SubcommitteeRow("POST", meetingPath + "/minutes/publication", SIGN_IN, "403", "403", "400", "403", "400"));
    }

    private static final String NO_ITEM = "00000000-0000-4000-8000-000000000000";
    private static final String NO_FILE = "0".repeat(64);

    @Test
    void every_subcommittee_page_answers_each_kind_of_visitor_as_the_matrix_says() throws Exception {
        aSubcommittee();
        List<String> wrong = new ArrayList<>();
        for (SubcommitteeRow r : subcommitteeRows()) {
            Row row = new Row(r.method(), r.path(), null, null, null, null);
            check(wrong, row, "anonymous", null, r.anonymous());
            check(wrong, row, "member admin of an organization outside it", adminOf(other), r.outsider());
            check(wrong, row, "member admin of a member organization", adminOf(organization), r.member());
            check(wrong, row, "its chair", chairOf(subcommittee), r.chair());
            check(wrong, row, "the chair of another subcommittee", chairOf("bunkakai-3"), r.otherChair());
            check(wrong, row, "secretariat", oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat")),
                    r.secretariat());
        }
        assertThat(wrong).isEmpty();
    }

    private static RequestPostProcessor chairOf(String subcommitteeId) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_subcommittee-chair"))
                          .idToken(t -> t.claim("subcommittee_id", subcommitteeId));
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

    // ---- newsletter pages: the public archive, a member's proposals, the secretariat's issues and queue ----------

    @Autowired
    private org.axonframework.commandhandling.gateway.CommandGateway newsletterCommands;

    @Test
    void every_newsletter_page_answers_each_kind_of_visitor_as_the_matrix_says() throws Exception {
        jp.kodoku.platform.newsletter.api.IssueId issue = jp.kodoku.platform.newsletter.api.IssueId.random();
        newsletterCommands.sendAndWait(new jp.kodoku.platform.newsletter.api.DraftIssue(issue, "行列テスト号",
                java.time.Instant.now().plus(java.time.Duration.ofDays(7))));
        jp.kodoku.platform.newsletter.api.ItemProposalId proposal = jp.kodoku.platform.newsletter.api.ItemProposalId.random();
        newsletterCommands.sendAndWait(new jp.kodoku.platform.newsletter.api.ProposeItem(proposal,
                new jp.kodoku.platform.membership.api.OrganizationId(organization),
                jp.kodoku.platform.newsletter.api.ProposalKind.EVENT,
                new jp.kodoku.platform.newsletter.api.ItemContent("居場所づくり交流会", "どなたでも参加できます。", null, false)));
        awaitProjections();
        String editor = "/secretariat/newsletter/issues/" + issue.value();
        String decision = "/secretariat/newsletter/proposals/" + proposal.value();
        List<Row> rows = List.of(
                new Row("GET", "/newsletter", "200", "200", "200", "200"),
                new Row("GET", "/newsletter?year=2025", "200", "200", "200", "200"),
                new Row("GET", "/newsletter/issues/999999", "404", "404", "404", "404"),
                new Row("GET", "/newsletter/issues/not-a-number", "404", "404", "404", "404"),
                // a member admin proposes for the organization of its sign-in; the secretariat writes into issues itself
                new Row("GET", "/my-organization/newsletter-proposals", SIGN_IN, "200", "200", "403"),
                new Row("POST", "/my-organization/newsletter-proposals", SIGN_IN, "400", "400", "403"),
                new Row("GET", "/secretariat/newsletter", SIGN_IN, "403", "403", "200"),
                new Row("POST", "/secretariat/newsletter/issues", SIGN_IN, "403", "403", "400"),
                new Row("GET", editor, SIGN_IN, "403", "403", "200"),
                new Row("GET", "/secretariat/newsletter/issues/00000000-0000-4000-8000-000000000000", SIGN_IN, "403", "403", "404"),
                new Row("POST", editor + "/items", SIGN_IN, "403", "403", "400"),
                new Row("POST", editor + "/event-items", SIGN_IN, "403", "403", "400"),
                new Row("POST", editor + "/sections", SIGN_IN, "403", "403", "400"),
                new Row("POST", editor + "/items/not-an-item/removal", SIGN_IN, "403", "403", "404"),
                new Row("POST", editor + "/return-to-draft", SIGN_IN, "403", "403", "409"),
                new Row("POST", editor + "/cancellation", SIGN_IN, "403", "403", "400"),
                new Row("POST", editor + "/scheduling", SIGN_IN, "403", "403", "400"),
                new Row("GET", editor + "/preview?audience=PUBLIC", SIGN_IN, "403", "403", "200"),
                new Row("GET", "/secretariat/newsletter/proposals", SIGN_IN, "403", "403", "200"),
                new Row("GET", "/secretariat/newsletter/proposals?all=true", SIGN_IN, "403", "403", "200"),
                new Row("GET", decision, SIGN_IN, "403", "403", "200"),
                new Row("POST", decision + "/acceptance", SIGN_IN, "403", "403", "400"),
                new Row("POST", decision + "/deferral", SIGN_IN, "403", "403", "400"),
                new Row("POST", decision + "/rejection", SIGN_IN, "403", "403", "400"),
                // bounces (ADR 0048)
                new Row("GET", "/secretariat/newsletter/bounces", SIGN_IN, "403", "403", "200"),
                new Row("POST", "/secretariat/newsletter/bounces/not-a-subscription/lifting", SIGN_IN, "403", "403", "404"));
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            check(wrong, row, "anonymous", null, row.anonymous());
            check(wrong, row, "member admin of another organization", adminOf(other), row.otherAdmin());
            check(wrong, row, "its member admin", adminOf(organization), row.ownAdmin());
            check(wrong, row, "secretariat", oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_secretariat")),
                    row.secretariat());
        }
        assertThat(wrong).isEmpty();
    }
}
