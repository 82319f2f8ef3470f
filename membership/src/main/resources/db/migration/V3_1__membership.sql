-- One organization per corporate number and per normalized name (see OrganizationRegistry).
CREATE TABLE organization_keys (
    lookup_key        VARCHAR(300) PRIMARY KEY,
    organization_id   VARCHAR(64)  NOT NULL,
    organization_name VARCHAR(400) NOT NULL
);
CREATE INDEX organization_keys_by_organization ON organization_keys (organization_id);

-- Applicants' private links, by the SHA-256 of the token (the token itself is never stored).
CREATE TABLE application_access (
    token_hash      VARCHAR(64) PRIMARY KEY,
    organization_id VARCHAR(64) NOT NULL
);

CREATE SEQUENCE member_number_seq START WITH 1;
