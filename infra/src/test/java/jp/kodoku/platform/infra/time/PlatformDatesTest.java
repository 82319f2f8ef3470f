package jp.kodoku.platform.infra.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformDatesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T15:30:00Z"), PlatformDates.JAPAN); // 30 Nov in Japan

    @Test
    void dates_from_the_founding_to_five_years_ahead_are_accepted() {
        assertThat(PlatformDates.problem(LocalDate.of(2022, 2, 1), clock)).isNull();
        assertThat(PlatformDates.problem(LocalDate.of(2031, 11, 30), clock)).isNull();
    }

    @Test
    void dates_before_the_founding_or_absurdly_far_ahead_are_refused() {
        for (LocalDate date : new LocalDate[] {LocalDate.of(2022, 1, 31), LocalDate.of(1800, 1, 1), LocalDate.MIN,
                LocalDate.of(2031, 12, 1), LocalDate.of(2099, 12, 31), LocalDate.MAX}) {
            assertThat(PlatformDates.problem(date, clock)).as(date.toString()).startsWith("must be between 2022-02-01");
        }
    }
}
