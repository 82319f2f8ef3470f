-- Issue numbers (第N号): assigned when an issue starts going out, in that order, one per issue, never reused (ADR 0026).
CREATE TABLE newsletter_issue_numbers (
    issue_number INTEGER     PRIMARY KEY,
    issue_id     VARCHAR(64) NOT NULL UNIQUE
);
