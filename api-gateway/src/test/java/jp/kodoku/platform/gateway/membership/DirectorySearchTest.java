package jp.kodoku.platform.gateway.membership;

import com.fasterxml.jackson.databind.JsonNode;
import jp.kodoku.platform.gateway.support.Api;
import jp.kodoku.platform.gateway.support.ApiTest;
import jp.kodoku.platform.gateway.support.Members;
import jp.kodoku.platform.gateway.support.Samples;
import jp.kodoku.platform.gateway.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public directory: Japanese-aware search, filters, 五十音 order and cursor pagination. */
class DirectorySearchTest extends ApiTest {

    private String tag;
    private String lifelink;
    private String sakura;
    private String hokkaido;

    @BeforeEach
    void members() {
        Members members = new Members(api);
        tag = Samples.uniqueKana();
        lifelink = members.activeMember(Samples.application("自殺対策支援センターライフリンク" + tag,
                "ジサツタイサクシエンセンターライフリンク" + tag));
        Map<String, Object> sakuraApplication = Samples.application("ＮＰＯ法人さくら" + tag, "エヌピーオーホウジンサクラ" + tag);
        Samples.profileOf(sakuraApplication).put("fieldsOfActivity", List.of("HIKIKOMORI"));
        sakuraApplication.put("requestedCategory", "SUPPORTING");
        sakura = members.activeMember(sakuraApplication);
        Map<String, Object> hokkaidoApplication = Samples.application("北の居場所" + tag, "キタノイバショ" + tag);
        Samples.profileOf(hokkaidoApplication).put("nationwide", true);
        Samples.profileOf(hokkaidoApplication).put("prefectureCodes", List.of());
        Samples.profileOf(hokkaidoApplication).put("targetGroups", List.of("ELDERLY_LIVING_ALONE"));
        Samples.profileOf(hokkaidoApplication).put("consultationCapabilities", List.of("COUNTER_CONSULTATION"));
        hokkaido = members.activeMember(hokkaidoApplication);
        api.post("/api/v1/organizations/" + hokkaido + "/steering-term").token(TestTokens.secretariat())
           .body(Map.of("termStart", "2024-05-01")).send();
        Map<String, Object> hidden = Samples.application("非公開の会" + tag, "ヒコウカイノカイ" + tag);
        Samples.profileOf(hidden).put("consentToPublish", false);
        members.activeMember(hidden);
        members.apply(Samples.application("申請中の会" + tag, "シンセイチュウノカイ" + tag));
        awaitProjections();
    }

    @Test
    void part_of_a_name_finds_it_whether_written_in_katakana_hiragana_or_half_width() {
        assertThat(search("ライフリンク" + tag)).containsExactly(lifelink);
        assertThat(search(hiragana("ライフリンク" + tag))).containsExactly(lifelink);
        assertThat(search(Normalizer.normalize("ライフリンク", Normalizer.Form.NFKC) + tag)).containsExactly(lifelink);
        assertThat(search(halfWidth("ライフリンク") + tag)).containsExactly(lifelink);
    }

    @Test
    void the_reading_is_searchable_and_full_width_latin_matches_ascii() {
        assertThat(search("じさつたいさく")).contains(lifelink);
        assertThat(search("npo法人さくら" + tag)).containsExactly(sakura);
        assertThat(search("ｎｐｏ")).contains(sakura);
    }

    @Test
    void small_kana_are_found_by_large_kana_and_large_by_small() {
        String own = Samples.uniqueKana();
        String network = new Members(api).activeMember(Samples.application("こども居場所ネットワーク" + own,
                "コドモイバショネットワーク" + own));
        awaitProjections();

        assertThat(search("ネツトワーク" + own)).containsExactly(network);
        assertThat(search("ねつとわーく" + own)).containsExactly(network);
        assertThat(search("ﾈｯﾄﾜｰｸ" + own)).containsExactly(network);
        assertThat(search("キタノイバシヨ" + tag)).containsExactly(hokkaido);
    }

    @Test
    void the_long_vowel_mark_any_look_alike_of_it_or_none_find_the_same() {
        for (String centre : List.of("センター", "センタ-", "センタ－", "センタ‐", "センタ−", "センタ～", "センタ〜", "ｾﾝﾀｰ", "センタ")) {
            assertThat(search(centre + "ライフリンク" + tag)).as(centre).containsExactly(lifelink);
        }
        assertThat(search("えぬぴおほうじんさくら" + tag)).as("the reading without its ー").containsExactly(sakura);
    }

    @Test
    void a_search_for_nothing_but_long_vowel_marks_finds_nothing_rather_than_everything() {
        assertThat(search("ー")).isEmpty();
        assertThat(search("〜〜")).isEmpty();
    }

    @Test
    void only_active_members_that_consent_to_be_published_are_listed() {
        assertThat(search(tag)).containsExactlyInAnyOrder(lifelink, sakura, hokkaido);
    }

    @Test
    void filters_combine_and_a_nationwide_member_matches_every_prefecture() {
        assertThat(ids("q=" + enc(tag) + "&category=SUPPORTING")).containsExactly(sakura);
        assertThat(ids("q=" + enc(tag) + "&prefecture=01")).containsExactly(hokkaido);
        assertThat(ids("q=" + enc(tag) + "&prefecture=13")).containsExactlyInAnyOrder(lifelink, sakura, hokkaido);
        assertThat(ids("q=" + enc(tag) + "&field=HIKIKOMORI")).containsExactly(sakura);
        assertThat(ids("q=" + enc(tag) + "&targetGroup=ELDERLY_LIVING_ALONE")).containsExactly(hokkaido);
        assertThat(ids("q=" + enc(tag) + "&capability=COUNTER_CONSULTATION")).containsExactly(hokkaido);
        assertThat(ids("q=" + enc(tag) + "&steeringMember=true")).containsExactly(hokkaido);
        assertThat(ids("q=" + enc(tag) + "&bodyType=NPO_SUPPORT&category=REGULAR&category=SUPPORTING"))
                .containsExactlyInAnyOrder(lifelink, sakura, hokkaido);
    }

    @Test
    void pages_follow_the_cursor_in_gojuon_order_without_gaps_or_repeats() {
        List<String> readings = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/directory?limit=1&q=" + enc(tag)
                    + (cursor == null ? "" : "&cursor=" + cursor)).send().json();
            page.get("items").forEach(item -> readings.add(item.get("nameKana").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(readings).containsExactly("エヌピーオーホウジンサクラ" + tag, "キタノイバショ" + tag,
                "ジサツタイサクシエンセンターライフリンク" + tag);
    }

    @Test
    void members_can_be_listed_newest_first() {
        JsonNode items = api.get("/api/v1/directory?sort=JOINED_ON_DESC&limit=100").send().json().get("items");
        List<String> dates = items.findValuesAsText("joinedOn");
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private List<String> search(String text) {
        return ids("q=" + enc(text));
    }

    private List<String> ids(String query) {
        Api.Response response = api.get("/api/v1/directory?limit=100&" + query).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items").findValuesAsText("organizationId");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String hiragana(String katakana) {
        StringBuilder out = new StringBuilder();
        katakana.codePoints().forEach(c -> out.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c));
        return out.toString();
    }

    private static String halfWidth(String katakana) {
        return katakana.replace("ラ", "ﾗ").replace("イ", "ｲ").replace("フ", "ﾌ").replace("リ", "ﾘ").replace("ン", "ﾝ")
                       .replace("ク", "ｸ");
    }
}
