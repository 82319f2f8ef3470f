package jp.kodoku.platform.membership.api;

import java.util.Set;

/**
 * Filters of the public directory; each set matches any of its values, and the filters combine with AND. An
 * organization working nationwide matches every prefecture.
 */
public record DirectoryFilter(String text,
                              Set<MemberCategory> categories,
                              Set<BodyType> bodyTypes,
                              Set<String> prefectureCodes,
                              Set<FieldOfActivity> fieldsOfActivity,
                              Set<TargetGroup> targetGroups,
                              Set<ConsultationCapability> consultationCapabilities,
                              Boolean steeringMember) {

    public DirectoryFilter {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        bodyTypes = bodyTypes == null ? Set.of() : Set.copyOf(bodyTypes);
        prefectureCodes = prefectureCodes == null ? Set.of() : Set.copyOf(prefectureCodes);
        fieldsOfActivity = fieldsOfActivity == null ? Set.of() : Set.copyOf(fieldsOfActivity);
        targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
        consultationCapabilities = consultationCapabilities == null ? Set.of() : Set.copyOf(consultationCapabilities);
    }

    public static DirectoryFilter none() {
        return new DirectoryFilter(null, null, null, null, null, null, null, null);
    }
}
