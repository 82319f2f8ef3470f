package jp.kodoku.platform.subcommittees.subcommittee;

import jp.kodoku.platform.infra.errors.FieldViolation;
import jp.kodoku.platform.membership.api.OrganizationId;
import jp.kodoku.platform.subcommittees.api.InvalidSubcommitteeInput;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** The rules of a subcommittee's data, in one place: limits are documented in docs/api.md. */
final class SubcommitteeRules {

    static final int MAX_NUMBER = 999;
    static final int MAX_TITLE = 200;
    static final int MAX_THEME = 2000;
    static final int MAX_REASON = 500;
    static final int MAX_LEADS = 20;
    /** Organization ids are UUIDs; account ids are Keycloak's (UUIDs too), never a path to something else. */
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

    private SubcommitteeRules() {
    }

    static void checkCreation(int number, String title, String theme, List<OrganizationId> leads) {
        List<FieldViolation> violations = new ArrayList<>();
        if (number < 1 || number > MAX_NUMBER) {
            violations.add(new FieldViolation("number", "must be between 1 and " + MAX_NUMBER));
        }
        text(violations, "title", title, MAX_TITLE, true);
        text(violations, "theme", theme, MAX_THEME, false);
        leads(violations, leads);
        throwIfAny(violations);
    }

    static void checkLeads(List<OrganizationId> leads) {
        List<FieldViolation> violations = new ArrayList<>();
        leads(violations, leads);
        throwIfAny(violations);
    }

    static void checkReason(String field, String reason, boolean required) {
        List<FieldViolation> violations = new ArrayList<>();
        text(violations, field, reason, MAX_REASON, required);
        throwIfAny(violations);
    }

    static void checkOrganization(OrganizationId organization) {
        if (organization == null || organization.value() == null || !ID.matcher(organization.value()).matches()) {
            throw new InvalidSubcommitteeInput("organizationId", "must be an organization's id");
        }
    }

    static void checkAccount(String userId) {
        if (userId == null || !ID.matcher(userId).matches()) {
            throw new InvalidSubcommitteeInput("userId", "must be a sign-in account's id");
        }
    }

    private static void leads(List<FieldViolation> violations, List<OrganizationId> leads) {
        if (leads == null || leads.isEmpty()) {
            violations.add(new FieldViolation("leadOrganizations", "at least one lead organization (担当幹事団体) is required"));
            return;
        }
        if (leads.size() > MAX_LEADS) {
            violations.add(new FieldViolation("leadOrganizations", "at most " + MAX_LEADS + " lead organizations"));
            return;
        }
        if (new HashSet<>(leads).size() != leads.size()) {
            violations.add(new FieldViolation("leadOrganizations", "names an organization twice"));
        }
        for (int i = 0; i < leads.size(); i++) {
            OrganizationId lead = leads.get(i);
            if (lead == null || lead.value() == null || !ID.matcher(lead.value()).matches()) {
                violations.add(new FieldViolation("leadOrganizations[" + i + "]", "must be an organization's id"));
            }
        }
    }

    private static void text(List<FieldViolation> violations, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "is required"));
            }
        } else if (value.length() > max) {
            violations.add(new FieldViolation(field, "must be at most " + max + " characters"));
        }
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidSubcommitteeInput(violations);
        }
    }
}
