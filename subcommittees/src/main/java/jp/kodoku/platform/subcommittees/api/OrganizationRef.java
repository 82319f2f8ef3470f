package jp.kodoku.platform.subcommittees.api;

/** An organization as the subcommittee shows it: id and name (the name as the platform knows it now). */
public record OrganizationRef(String id, String name) {
}
