package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.membership.api.OrganizationStatus;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A platform organization as subcommittees need it: its name (shown beside members and leads) and whether it is an
 * active member ({@link PlatformMembers}). Kept from membership's published events ({@code subcommittee_organizations}).
 */
@Document("subcommittee_organizations")
class KnownOrganization extends VersionedDocument<KnownOrganization> {

    String name;
    OrganizationStatus status;
}
