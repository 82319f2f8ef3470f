package jp.kodoku.platform.membership.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An organization with everything the secretariat and its own admins may see, contacts included.
 *
 * @param version the aggregate version: the ETag to send back in If-Match
 */
public record OrganizationDetails(String organizationId,
                                  long version,
                                  OrganizationStatus status,
                                  Integer memberNumber,
                                  MemberCategory category,
                                  OrganizationProfile profile,
                                  boolean steeringMember,
                                  LocalDate steeringTermStart,
                                  LocalDate steeringTermEnd,
                                  LocalDate joinedOn,
                                  LocalDate withdrawnOn,
                                  String bylawsVersion,
                                  String lastDecisionNote,
                                  Instant submittedAt,
                                  Instant lastChangedAt,
                                  List<ContactView> contacts) {
}
