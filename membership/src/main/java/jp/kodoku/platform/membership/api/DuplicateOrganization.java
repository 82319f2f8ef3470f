package jp.kodoku.platform.membership.api;

import jp.kodoku.platform.infra.errors.RuleViolation;

import java.util.LinkedHashMap;
import java.util.Map;

/** An application or profile change that would register an organization twice (answered with 409). */
public class DuplicateOrganization extends RuleViolation {

    private final OrganizationId existingId;
    private final String existingName;
    private final String field;

    public DuplicateOrganization(String field, OrganizationId existingId, String existingName) {
        super(("corporateNumber".equals(field) ? "an organization with this corporate number"
                : "an organization with this name") + " is already registered: " + existingName + " (" + existingId + ")");
        this.field = field;
        this.existingId = existingId;
        this.existingName = existingName;
    }

    public OrganizationId existingId() {
        return existingId;
    }

    public String existingName() {
        return existingName;
    }

    /** {@code corporateNumber} or {@code name}. */
    public String field() {
        return field;
    }

    @Override
    public String type() {
        return "duplicate-organization";
    }

    @Override
    public String title() {
        return "Organization already registered";
    }

    /** Which field collided (as a path in the application's body) and who holds it. */
    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("field", "profile." + field);
        facts.put("existingOrganizationId", existingId.value());
        facts.put("existingOrganizationName", existingName);
        return facts;
    }
}
