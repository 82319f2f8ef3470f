package jp.kodoku.platform.subcommittees.api;

/** The subcommittee was closed. */
public record SubcommitteeClosed(SubcommitteeId subcommitteeId, String reason) {
}
