package jp.kodoku.platform.activity.feed;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.membership.api.OrganizationStatus;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organization as the feed names it ({@code activity_organizations}): its name today, and whether the public
 * directory lists it, which decides whether anyone but the secretariat reads entries about it.
 */
@Document("activity_organizations")
class KnownOrganization extends VersionedDocument<KnownOrganization> {

    String name;
    OrganizationStatus status;
    boolean consentToPublish;
    /** Listed in the public directory: an active member that consented to publication (as DirectoryQueries lists). */
    boolean listed;
    /** Was approved once: entries other than the secretariat's may name it. */
    boolean member;

    void decideListing() {
        listed = status == OrganizationStatus.ACTIVE && consentToPublish;
    }
}
