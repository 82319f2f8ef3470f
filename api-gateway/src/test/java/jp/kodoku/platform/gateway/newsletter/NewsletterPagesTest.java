package jp.kodoku.platform.gateway.newsletter;

import jp.kodoku.platform.gateway.pages.PageChecks;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.SealedTokens;
import jp.kodoku.platform.gateway.support.TestTokens;
import jp.kodoku.platform.infra.personaldata.PersonalDataVault;
import jp.kodoku.platform.newsletter.api.RequestSubscription;
import jp.kodoku.platform.newsletter.api.SubscriptionId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The page of the mailed confirmation link: opening it changes nothing, its button confirms. */
class NewsletterPagesTest extends ApiTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    PersonalDataVault vault;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void the_link_opens_a_page_whose_button_confirms_the_subscription() throws Exception {
        SubscriptionId id = SubscriptionId.random();
        commandGateway.sendAndWait(new RequestSubscription(id, "page-" + id.value() + "@example.jp", "2026-04"));
        String token = mailedToken(id);
        String page = "/newsletter/subscriptions/" + id.value() + "/confirm";

        Document opened = PageChecks.page(mvc.perform(get(page).param("token", token).accept("text/html")).andReturn());
        assertThat(opened.select("form[method=post] button[type=submit]").text()).isEqualTo("配信登録を確定する");
        assertThat(opened.select("input[name=token]").val()).isEqualTo(token);
        awaitProjections();
        assertThat(status(id)).as("opening the link confirms nothing").isEqualTo("PENDING_CONFIRMATION");

        Document done = PageChecks.page(mvc.perform(post(page).param("token", token).with(csrf()).accept("text/html"))
                                           .andReturn());
        assertThat(done.select("h1").text()).isEqualTo("メールマガジン配信登録の完了");
        awaitProjections();
        assertThat(status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void a_button_pressed_without_the_forms_csrf_token_confirms_nothing() throws Exception {
        SubscriptionId id = SubscriptionId.random();
        commandGateway.sendAndWait(new RequestSubscription(id, "csrf-" + id.value() + "@example.jp", "2026-04"));

        int status = mvc.perform(post("/newsletter/subscriptions/" + id.value() + "/confirm")
                                         .param("token", mailedToken(id))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
        awaitProjections();
        assertThat(status(id)).isEqualTo("PENDING_CONFIRMATION");
    }

    private String status(SubscriptionId id) {
        return api.get("/api/v1/newsletter/subscriptions/" + id.value() + "/consent-ledger")
                  .token(TestTokens.secretariat()).send().json().get("status").asText();
    }

    /** The token the confirmation mail carries, as the request's event seals it for the mail. */
    private String mailedToken(SubscriptionId id) {
        return SealedTokens.confirmationToken(jdbc, vault, id.value(), "SubscriptionRequested");
    }
}
