-- One organization per corporate number and per normalized name (see OrganizationRegistry).
CREATE TABLE organization_keys (
    lookup_key        VARCHAR(300) PRIMARY KEY,
    organization_id   VARCHAR(64)  NOT NULL,
    organization_name VARCHAR(400) NOT NULL
);
CREATE INDEX organization_keys_by_organization ON organization_keys (organization_id);

CREATE SEQUENCE member_number_seq START WITH 1;
