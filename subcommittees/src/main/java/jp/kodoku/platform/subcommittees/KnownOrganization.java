package jp.kodoku.platform.subcommittees;

import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import jp.kodoku.platform.membership.api.OrganizationStatus;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A platform organization as subcommittees show it: its name beside members and leads, and its status. Kept from
 * membership's published events ({@code subcommittee_organizations}).
 */
@Document("subcommittee_organizations")
class KnownOrganization extends VersionedDocument<KnownOrganization> {

    String name;
    OrganizationStatus status;
}
