package jp.kodoku.platform.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Events;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that asks for Japanese (Accept-Language: ja) gets problems it can show to people as they are: the bad
 * field named as the forms name it, the rule said in Japanese. Without the header the problem stays in English.
 */
class JapaneseProblemsTest extends ApiTest {

    @Test
    void a_bad_field_is_named_in_japanese_for_a_client_that_asks_for_japanese() {
        Map<String, Object> application = Samples.application();
        Samples.profileOf(application).put("nameKana", "こどもしょくどう");

        Api.Response refused = api.post("/api/v1/applications").header("Accept-Language", "ja,en;q=0.5")
                                  .body(application).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("profile.nameKana");
        assertThat(error.get("label").asText()).isEqualTo("フリガナ");
        assertThat(error.get("message").asText()).isEqualTo("「フリガナ」はカタカナで書いてください。");
        assertThat(refused.json().get("detail").asText()).isEqualTo("「フリガナ」はカタカナで書いてください。");
    }

    @Test
    void a_rule_of_the_domain_reads_in_japanese_with_the_current_state() {
        String id = new Members(api).activeMember(Samples.application());
        suspend(id, null);

        Api.Response refused = suspend(id, "ja");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("title").asText()).isEqualTo("現在の状態ではできない操作です");
        assertThat(refused.json().get("detail").asText())
                .isEqualTo("会員資格を停止できるのは、資格停止中でない会員だけです。（現在の状態：資格停止中）");
    }

    @Test
    void an_events_rule_and_field_read_in_japanese_too() {
        String event = new Events(api).published(Events.workshop(30));
        Api.Response first = api.post("/api/v1/events/" + event + "/cancellation").token(TestTokens.secretariat())
                                .body(Map.of("reason", "台風の接近のため")).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        Api.Response again = api.post("/api/v1/events/" + event + "/cancellation").token(TestTokens.secretariat())
                                .header("Accept-Language", "ja").body(Map.of("reason", "台風の接近のため")).send();
        Api.Response badKind = api.get("/api/v1/calendar.ics?kind=BAZAAR").header("Accept-Language", "ja").send();

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).isEqualTo("このイベントは中止できません。（現在の状態：中止）");
        assertThat(badKind.status()).as(badKind.toString()).isEqualTo(400);
        assertThat(badKind.json().get("detail").asText())
                .isEqualTo("「種類」の値が正しくありません。イベントの種類か MEETING を指定してください。");
    }

    @Test
    void without_accept_language_the_problem_stays_in_english_for_programs() {
        String id = new Members(api).activeMember(Samples.application());
        suspend(id, null);

        Api.Response refused = suspend(id, null);

        assertThat(refused.json().get("detail").asText()).startsWith("only an active member can be suspended");
    }

    private Api.Response suspend(String id, String language) {
        Api.Call request = api.post("/api/v1/organizations/" + id + "/suspension").token(TestTokens.secretariat())
                                 .body(Map.of("reason", "会費の長期未納"));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request.send();
    }
}
