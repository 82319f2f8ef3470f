package jp.kodoku.platform.subcommittees;

import jp.kodoku.platform.membership.api.ContactView;
import jp.kodoku.platform.membership.api.FindOrganization;
import jp.kodoku.platform.membership.api.OrganizationDetails;
import jp.kodoku.platform.membership.api.OrganizationId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Whom the module mails for an organization: its contacts as membership has them now (its published
 * {@link FindOrganization}, unsealed there), without erased contacts or ones without an address.
 */
@Component
public class MemberContacts {

    private final QueryGateway queries;

    public MemberContacts(QueryGateway queries) {
        this.queries = queries;
    }

    public List<ContactView> of(String organizationId) {
        return queries.query(new FindOrganization(new OrganizationId(organizationId)),
                              ResponseTypes.optionalInstanceOf(OrganizationDetails.class)).join()
                      .map(o -> o.contacts().stream().filter(c -> !c.erased() && c.email() != null && !c.email().isBlank())
                                 .toList())
                      .orElse(List.of());
    }
}
