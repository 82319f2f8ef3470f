-- The workers claim the heads of their lanes oldest first (ORDER BY id LIMIT n). With only (state, next_attempt_at)
-- to go by, PostgreSQL read every pending row, checked each for an earlier one in its lane and sorted them all before
-- taking the first few: each claim cost grew with the backlog (92 ms a claim with a few thousand pending, ADR 0050).
-- In (state, id) order it walks the pending rows oldest first and stops once it holds enough heads.
CREATE INDEX webhook_deliveries_pending_in_order ON webhook_deliveries (state, id);
