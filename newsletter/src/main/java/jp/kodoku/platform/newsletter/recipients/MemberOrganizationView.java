package jp.kodoku.platform.newsletter.recipients;

import jp.kodoku.platform.infra.personaldata.SealedValue;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.membership.api.FieldOfActivity;
import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.membership.api.TargetGroup;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A member organization as the newsletter needs it, from membership's events: whether it is a member now, what a
 * segment filters on, and its contacts' sealed addresses (membership's values: erasing a contact there makes the
 * address unreadable here too). {@code prefectureCodes} holds "ALL" for an organization active nationwide.
 */
@Document("newsletter_member_organizations")
class MemberOrganizationView extends VersionedDocument<MemberOrganizationView> {

    static final String NATIONWIDE = "ALL";

    /** APPLIED, ACTIVE, SUSPENDED, WITHDRAWN, REJECTED: only ACTIVE members receive the newsletter by membership. */
    String status;
    MemberCategory category;
    Set<String> prefectureCodes = new HashSet<>();
    Set<FieldOfActivity> fieldsOfActivity = new HashSet<>();
    Set<TargetGroup> targetGroups = new HashSet<>();
    List<Contact> contacts = new ArrayList<>();

    /** One contact person: receives the newsletter by membership since {@code since}. */
    record Contact(String contactId, SealedValue email, Instant since, boolean erased) {
    }
}
