package jp.kodoku.platform.activity.api;

/** An organization an entry concerns: its id and its name as the platform knows it now. */
public record ActivityOrganization(String id, String name) {
}
