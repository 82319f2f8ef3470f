package jp.kodoku.platform.newsletter.api;

import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.TargetGroup;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who receives an issue: an audience, and for members' contacts the organizations' categories, prefectures (an
 * organization active nationwide is in every prefecture), fields of activity and target groups; within one filter
 * any value matches, the filters together all must. An empty filter does not narrow.
 */
public record Segment(Audience audience, Set<MemberCategory> categories, Set<String> prefectureCodes,
                      Set<FieldOfActivity> fieldsOfActivity, Set<TargetGroup> targetGroups) {

    private static final Pattern PREFECTURE = Pattern.compile("^(0[1-9]|[1-3][0-9]|4[0-7])$");

    public static final Segment EVERYONE = new Segment(Audience.ALL, Set.of(), Set.of(), Set.of(), Set.of());

    public Segment {
        if (audience == null) {
            throw new InvalidNewsletterInput("segment.audience", "is required (ALL, MEMBERS or PUBLIC)");
        }
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        prefectureCodes = prefectureCodes == null ? Set.of() : Set.copyOf(prefectureCodes);
        fieldsOfActivity = fieldsOfActivity == null ? Set.of() : Set.copyOf(fieldsOfActivity);
        targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
        if (audience != Audience.MEMBERS && !(categories.isEmpty() && prefectureCodes.isEmpty()
                && fieldsOfActivity.isEmpty() && targetGroups.isEmpty())) {
            throw new InvalidNewsletterInput("segment.audience", "filters narrow members' contacts: use MEMBERS");
        }
        if (prefectureCodes.stream().anyMatch(p -> p == null || !PREFECTURE.matcher(p).matches())) {
            throw new InvalidNewsletterInput("segment.prefectureCodes", "must be JIS X 0401 codes 01–47");
        }
    }

    public boolean includesMembers() {
        return audience != Audience.PUBLIC;
    }

    public boolean includesPublic() {
        return audience != Audience.MEMBERS;
    }
}
