-- Slack events already taken (issue 13): a retry of one of these is acknowledged and not
-- answered again. The primary key makes the claim atomic: INSERT ... ON CONFLICT DO NOTHING
-- inserts for exactly one of any number of concurrent deliveries.
CREATE TABLE slack_events (
  event_id TEXT PRIMARY KEY,
  -- Milliseconds since the epoch; rows older than a day are deleted as new ones arrive.
  received_at INTEGER NOT NULL
);

CREATE INDEX slack_events_received_at ON slack_events (received_at);
