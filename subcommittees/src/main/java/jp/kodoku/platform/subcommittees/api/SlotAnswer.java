package jp.kodoku.platform.subcommittees.api;

/** One organization's answer to one slot: ○ / △ / × and an optional comment. */
public record SlotAnswer(PollChoice choice, String comment) {
}
