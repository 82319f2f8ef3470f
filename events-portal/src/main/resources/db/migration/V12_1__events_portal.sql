-- Symposium numbers (第N回): assigned in publication order, one per symposium, never reused (ADR 0025).
CREATE TABLE symposium_numbers (
    symposium_number INTEGER     PRIMARY KEY,
    event_id         VARCHAR(64) NOT NULL UNIQUE
);
