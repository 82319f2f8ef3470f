package jp.kodoku.platform.newsletter.api;

import java.util.List;

/**
 * One section of an issue, in the order the issue shows them. {@code key} is stable within the issue (items name their
 * section by it); {@code title} is what readers see.
 */
public record Section(String key, String title) {

    /** The five sections every issue starts with (DOMAIN.md: お知らせ, 会員の活動紹介, 支援情報, イベント案内, 事務局訪問記). */
    public static final List<Section> DEFAULTS = List.of(
            new Section("notices", "お知らせ"),
            new Section("member-activities", "会員の活動紹介"),
            new Section("support", "支援情報"),
            new Section("events", "イベント案内"),
            new Section("visits", "事務局訪問記"));
}
