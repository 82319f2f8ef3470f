package jp.kodoku.platform.membership.api;

/** One field of a proposal: its published value when proposed ({@code from}, null when empty) and the value asked for. */
public record ProposedFieldChange(String field, String from, String to) {
}
