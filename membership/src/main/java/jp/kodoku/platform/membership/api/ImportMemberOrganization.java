package jp.kodoku.platform.membership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The secretariat moves an organization in from another list (a local platform's member list, row {@code rowNumber}
 * of the CSV file whose SHA-256 is {@code fileSha256}): it becomes an approved member at once, with its category and
 * the date it joined, through the same rules as an application and an approval. The organization's id is derived
 * from the row's corporate number or normalized name, so importing the same file again creates nothing new.
 *
 * @param bylawsVersion the bylaws (会則) the organization agreed to, as the file says, or null when it does not say
 */
public record ImportMemberOrganization(@TargetAggregateIdentifier OrganizationId organizationId,
                                       OrganizationProfile profile, MemberCategory category,
                                       ContactDetails primaryContact, LocalDate joinedOn,
                                       String bylawsVersion, String fileSha256, int rowNumber) {
}
