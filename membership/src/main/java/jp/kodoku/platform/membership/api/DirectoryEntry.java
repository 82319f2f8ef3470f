package jp.kodoku.platform.membership.api;

import java.time.LocalDate;
import java.util.List;

/** A member as the public sees it: published fields only, never contacts. */
public record DirectoryEntry(String organizationId,
                             int memberNumber,
                             String name,
                             String nameKana,
                             LegalForm legalForm,
                             String corporateNumber,
                             BodyType bodyType,
                             MemberCategory category,
                             boolean nationwide,
                             List<String> prefectureCodes,
                             List<FieldOfActivity> fieldsOfActivity,
                             List<TargetGroup> targetGroups,
                             List<ConsultationCapability> consultationCapabilities,
                             String website,
                             String publicDescription,
                             boolean steeringMember,
                             LocalDate joinedOn) {
}
