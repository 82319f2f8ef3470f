package jp.kodoku.platform.membership.api;

import java.time.LocalDate;

/** Query: how many members each category had on a date, computed from the membership history. */
public record CountMembersByCategory(LocalDate asOf) {
}
