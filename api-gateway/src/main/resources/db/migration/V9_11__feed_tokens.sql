-- Personal feed tokens (calendar subscriptions, the activity feed): the token is in a URL a calendar app fetches
-- without a session, so only its SHA-256 is kept; the row says whose view it serves and which feed.
CREATE TABLE feed_tokens (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    token_hash      CHAR(64)      NOT NULL UNIQUE,
    feed            VARCHAR(40)   NOT NULL,
    scope           VARCHAR(64),
    label           VARCHAR(100),
    owner           VARCHAR(255)  NOT NULL,
    owner_roles     VARCHAR(255)  NOT NULL,
    organization_id VARCHAR(64),
    subcommittee_id VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX feed_tokens_by_owner ON feed_tokens (owner);
