-- Attachments' bytes (DESIGN.md §14), content-addressed: the key is the SHA-256 of the bytes, so the same file attached
-- twice is stored once and a row never changes. Names, types and who may read a file live with what it is attached to
-- (a meeting's agenda, minutes, a deliverable), in its events; this table only answers "the bytes of this hash".
CREATE TABLE file_contents (
    sha256     CHAR(64)                 PRIMARY KEY,
    size       BIGINT                   NOT NULL,
    content    BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
