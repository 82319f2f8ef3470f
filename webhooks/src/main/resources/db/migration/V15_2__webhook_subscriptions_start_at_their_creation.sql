-- A subscription receives what happens after it was made, not what the delivery processor had not yet reached when
-- it was made (a lagging processor, or a rebuild, would otherwise send it older events). The event stream's head when
-- it was made; events at or before it go only through a replay the client asks for. Existing subscriptions: all.
ALTER TABLE webhook_subscriptions ADD COLUMN from_position BIGINT NOT NULL DEFAULT -1;
