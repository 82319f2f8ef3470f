package jp.kodoku.platform.membership.api;

/** An application or profile change that would register an organization twice (answered with 409). */
public class DuplicateOrganization extends RuntimeException {

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
}
