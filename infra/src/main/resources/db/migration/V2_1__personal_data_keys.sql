-- One secret key per data subject (crypto-shredding). Erasure nulls the secret and keeps the row as a tombstone,
-- so that nothing can be sealed for an erased subject again.
CREATE TABLE personal_data_keys (
    subject    VARCHAR(64) PRIMARY KEY,
    secret     BYTEA,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at  TIMESTAMP WITH TIME ZONE
);
