package jp.kodoku.platform.membership.statistics;

import jp.kodoku.platform.membership.api.MemberCategory;
import jp.kodoku.platform.infra.readmodel.VersionedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * When one organization was a member and in which category, in the {@code membership_periods} collection. Dates are
 * effective dates (the day a change takes effect), as ISO strings.
 */
@Document(MembershipPeriod.COLLECTION)
class MembershipPeriod extends VersionedDocument<MembershipPeriod> {

    static final String COLLECTION = "membership_periods";

    String joinedOn;
    /** First day no longer a member; null while a member. */
    String withdrawnOn;
    List<CategorySince> categories = new ArrayList<>();

    record CategorySince(MemberCategory category, String since) {
    }

    /** The category on a date, or null when not a member that day. */
    MemberCategory categoryOn(String date) {
        if (joinedOn == null || joinedOn.compareTo(date) > 0 || (withdrawnOn != null && withdrawnOn.compareTo(date) <= 0)) {
            return null;
        }
        MemberCategory current = null;
        for (CategorySince c : categories) {
            if (c.since().compareTo(date) <= 0) {
                current = c.category();
            }
        }
        return current;
    }
}
