package jp.kodoku.platform.newsletter.eventitems;

import jp.kodoku.platform.events.api.*;
import jp.kodoku.platform.infra.testsupport.InvalidInputs;
import jp.kodoku.platform.newsletter.api.InvalidNewsletterInput;
import jp.kodoku.platform.newsletter.api.ItemContent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An item of イベント案内 made from a published event as the public calendar shows it. */
class EventItemsTest {

    static final String PAGE = "https://platform.example.jp/events/5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";

    static EventSummary event(EventStatus status, Schedule schedule, Venue venue, boolean online, String description) {
        return new EventSummary(new EventId("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"), EventKind.WORKSHOP,
                "孤独・孤立に関する現場課題ワークショップ（大阪）", description, null, null, true, List.of(), null,
                schedule, venue, online, null, Visibility.PUBLIC, status, null, null, null, 0, 0,
                Instant.parse("2026-05-01T00:00:00Z"), 3);
    }

    static final Schedule JUNE_14 = new Schedule(LocalDate.of(2026, 6, 14), LocalTime.of(13, 30),
            LocalDate.of(2026, 6, 14), LocalTime.of(16, 0));
    static final Venue OSAKA = new Venue("大阪市立総合生涯学習センター", "大阪府大阪市北区梅田1-2-2", "27");

    @Test
    void the_item_says_what_when_and_where_and_links_to_the_public_page() {
        ItemContent item = EventItems.of(event(EventStatus.PUBLISHED, JUNE_14, OSAKA, false,
                "現場の課題を持ち寄り、官民で解決策を話し合います。"), PAGE);

        assertThat(item.title()).isEqualTo("孤独・孤立に関する現場課題ワークショップ（大阪）");
        assertThat(item.body()).isEqualTo("日時: 2026年6月14日（日） 13:30〜16:00\n"
                + "会場: 大阪市立総合生涯学習センター（大阪府大阪市北区梅田1-2-2）\n\n"
                + "現場の課題を持ち寄り、官民で解決策を話し合います。");
        assertThat(item.link()).isEqualTo(PAGE);
        assertThat(item.membersOnly()).isFalse();
    }

    @Test
    void an_online_event_says_so_without_its_address() {
        ItemContent item = EventItems.of(event(EventStatus.RESCHEDULED, JUNE_14, null, true, null), PAGE);

        assertThat(item.body()).isEqualTo("日時: 2026年6月14日（日） 13:30〜16:00\n"
                + "オンライン開催あり（参加方法は登録した方にお知らせします）");
    }

    @Test
    void a_whole_day_event_over_several_days_gives_both_dates() {
        Schedule twoDays = new Schedule(LocalDate.of(2026, 5, 30), null, LocalDate.of(2026, 5, 31), null);

        assertThat(EventItems.when(twoDays)).isEqualTo("2026年5月30日（土）〜2026年5月31日（日）");
    }

    @Test
    void a_long_description_is_shortened_the_page_has_the_rest() {
        ItemContent item = EventItems.of(event(EventStatus.PUBLISHED, JUNE_14, OSAKA, false, "孤".repeat(500)), PAGE);

        assertThat(item.body()).endsWith("孤".repeat(EventItems.DESCRIPTION_MAX) + "…");
    }

    @Test
    void a_cancelled_event_is_not_announced() {
        assertThatThrownBy(() -> EventItems.of(event(EventStatus.CANCELLED, JUNE_14, OSAKA, false, null), PAGE))
                .isInstanceOf(InvalidNewsletterInput.class)
                .matches(e -> InvalidInputs.naming("eventId").matches(e));
    }
}
