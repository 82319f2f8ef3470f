-- Issue numbers (第N号): assigned when an issue starts going out, in that order, one per issue, never reused (ADR 0026).
CREATE TABLE newsletter_issue_numbers (
    issue_number INTEGER     PRIMARY KEY,
    issue_id     VARCHAR(64) NOT NULL UNIQUE
);

-- A public subscriber's address is on the list once: its SHA-256 (of the lower-cased address) → the subscription
-- holding it. Deleted with the subscriber's erasure.
CREATE TABLE newsletter_subscriber_addresses (
    address_hash    VARCHAR(64) PRIMARY KEY,
    subscription_id VARCHAR(64) NOT NULL UNIQUE
);

-- The newsletter's secret keys (the HMAC key of unsubscribe tokens), made at random by the first node that needs one.
CREATE TABLE newsletter_keys (
    name   VARCHAR(40)  PRIMARY KEY,
    secret VARCHAR(100) NOT NULL
);
