package jp.kodoku.platform.activity.feed;

/**
 * The pages an entry links to, as paths of the platform's web pages. The directory's and the secretariat's pages exist;
 * the subcommittee, meeting, poll and event pages do not yet, and these are the paths they are to have (docs/api.md).
 */
final class FeedLinks {

    private FeedLinks() {
    }

    static String directoryEntry(String organizationId) {
        return "/directory/" + organizationId;
    }

    static String secretariatRecord(String organizationId) {
        return "/secretariat/organizations/" + organizationId;
    }

    static String subcommittee(String subcommitteeId) {
        return "/subcommittees/" + subcommitteeId;
    }

    static String meeting(String subcommitteeId, String meetingId) {
        return "/subcommittees/" + subcommitteeId + "/meetings/" + meetingId;
    }

    static String minutes(String subcommitteeId, String meetingId) {
        return meeting(subcommitteeId, meetingId) + "/minutes";
    }

    static String deliverable(String subcommitteeId, String deliverableId) {
        return "/subcommittees/" + subcommitteeId + "/deliverables/" + deliverableId;
    }

    static String poll(String subcommitteeId, String pollId) {
        return "/subcommittees/" + subcommitteeId + "/polls/" + pollId;
    }

    /** The issue's page in the newsletter's public archive. */
    static String newsletterIssue(String issueId) {
        return "/newsletter/issues/" + issueId;
    }

    static String event(String eventId) {
        return "/events/" + eventId;
    }
}
