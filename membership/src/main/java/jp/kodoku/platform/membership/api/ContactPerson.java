package jp.kodoku.platform.membership.api;

import jp.kodoku.platform.infra.personaldata.SealedValue;

/**
 * A contact person as events and read models keep it: name, e-mail and phone sealed with the key of the person
 * ({@code contactId} is the data subject), so that erasing that key makes them unreadable everywhere.
 *
 * @param department 部署: the unit of the organization, not personal data
 */
public record ContactPerson(ContactId contactId, SealedValue name, SealedValue email, SealedValue phone,
                            String department) {
}
