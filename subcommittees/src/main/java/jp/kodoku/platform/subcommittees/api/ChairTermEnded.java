package jp.kodoku.platform.subcommittees.api;

/** A chair's term ended. */
public record ChairTermEnded(SubcommitteeId subcommitteeId, String userId, String reason) {
}
