-- The token buckets of the rate limits (RateLimiter), in Bucket4j's JDBC layout: one row per limited key, shared by
-- every node on this database. expires_at (epoch milliseconds) is when the bucket would be full again; a row past it
-- holds nothing worth keeping and is deleted.
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(400) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_buckets_by_expiry ON rate_limit_buckets (expires_at);
