package jp.kodoku.platform.membership.api;

import jp.kodoku.platform.infra.errors.FieldViolation;

import java.util.List;

/**
 * The answer to {@link CheckImportCandidate}.
 *
 * @param violations         every rule the candidate breaks, by the command's field path ({@code profile.name},
 *                           {@code primaryContact.email}, {@code category}, {@code joinedOn}); empty when none
 * @param existing           the organization already registered under the candidate's corporate number or name (the
 *                           corporate number first), or null
 * @param existingField      {@code corporateNumber} or {@code name}: which key it holds; null without {@code existing}
 * @param alreadyImported    whether {@code existing} is the candidate itself, imported before
 */
public record ImportCandidateCheck(List<FieldViolation> violations, OrganizationId existing, String existingName,
                                   String existingField, boolean alreadyImported) {
}
