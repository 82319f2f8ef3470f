package jp.kodoku.platform.subcommittees.api;

/**
 * Identifies a subcommittee (分科会): {@code bunkakai-<number>}, derived from its number, so that the number is unique
 * by construction (a second subcommittee with a number would be a second stream with the same id) and the id a chair's
 * token carries ({@code subcommittee_id}) reads as what it names.
 */
public record SubcommitteeId(String value) {

    public static SubcommitteeId ofNumber(int number) {
        return new SubcommitteeId("bunkakai-" + number);
    }

    /** Axon uses toString() as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
