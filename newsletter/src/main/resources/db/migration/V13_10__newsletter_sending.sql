-- The segment each issue goes to, as chosen when it was scheduled: kept where the start of the sending reads it
-- (SendingStarter), in the transaction of that processing group, rather than in a read model that may lag.
CREATE TABLE newsletter_issue_segments (
    issue_id VARCHAR(64) PRIMARY KEY,
    segment  TEXT        NOT NULL
);

-- One row per issue that started going out (ADR 0043): written with the recipients' outbox rows (kind
-- newsletter.issue, one per recipient) in one transaction; finished_at once every row was final and the issue was
-- marked sent.
CREATE TABLE newsletter_sendings (
    issue_id    VARCHAR(64)              PRIMARY KEY,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recipients  INTEGER                  NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);
