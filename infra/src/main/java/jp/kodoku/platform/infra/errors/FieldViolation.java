package jp.kodoku.platform.infra.errors;

/** One bad field of a request: {@code field} is its JSON path, e.g. {@code profile.corporateNumber}. */
public record FieldViolation(String field, String message) {
}
