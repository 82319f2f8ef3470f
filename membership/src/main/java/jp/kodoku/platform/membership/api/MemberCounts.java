package jp.kodoku.platform.membership.api;

import java.time.LocalDate;
import java.util.Map;

/** Members per category on {@code asOf}; suspended members still count, withdrawn ones do not. */
public record MemberCounts(LocalDate asOf, Map<MemberCategory, Integer> byCategory, int total) {
}
