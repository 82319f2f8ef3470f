-- Responses to creating requests, by Idempotency-Key, kept 24 hours.
CREATE TABLE idempotency_keys (
    scope       VARCHAR(200) NOT NULL,
    idem_key    VARCHAR(200) NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL,
    status      INTEGER      NOT NULL,
    location    VARCHAR(1000),
    body        TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
