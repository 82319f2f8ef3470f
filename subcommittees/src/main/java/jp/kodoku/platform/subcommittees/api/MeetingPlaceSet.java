package jp.kodoku.platform.subcommittees.api;

/** A meeting's place: venue (address) and online URL, either may be null (not both). */
public record MeetingPlaceSet(MeetingId meetingId, SubcommitteeId subcommitteeId, String venue, String onlineUrl) {
}
