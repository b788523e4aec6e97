-- The answer log (issue 16, docs/feedback.md): one row per answer, so whoever keeps the
-- corpus sees what was refused and what staff marked wrong. No IP address and no Slack user
-- id is stored; rows older than LOG_RETENTION_DAYS are deleted by the daily cron.
CREATE TABLE answers (
  -- The answer id the response carried (`id`; `chatcmpl-<id>` on /v1).
  id TEXT PRIMARY KEY,
  -- Milliseconds since the epoch.
  asked_at INTEGER NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('web', 'api', 'openai', 'slack')),
  -- The last user message as asked; question_key groups its spellings (question-key.ts).
  question TEXT NOT NULL,
  question_key TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('ko', 'en')),
  refused INTEGER NOT NULL CHECK (refused IN (0, 1)),
  -- JSON array of the cited document ids, in citation order.
  documents TEXT NOT NULL,
  latency_ms INTEGER NOT NULL,
  model_mode TEXT NOT NULL CHECK (model_mode IN ('offline', 'openai-compatible')),
  -- LLM_MODEL when a hosted model answered; NULL offline.
  model TEXT,
  -- Slack only: a keyed hash of the asker's user id (src/channels/slack/user-hash.ts); NULL elsewhere.
  asker TEXT
);

CREATE INDEX answers_asked_at ON answers (asked_at);
CREATE INDEX answers_question_key ON answers (question_key, asked_at);

-- One rating per answer and rater: a later rating replaces the earlier one. `rater` is the
-- keyed hash of a Slack user (several people may rate one answer in a channel), or '' for
-- the web and API, where an answer id reaches one client only.
CREATE TABLE feedback (
  answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
  rater TEXT NOT NULL DEFAULT '',
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  comment TEXT,
  rated_at INTEGER NOT NULL,
  PRIMARY KEY (answer_id, rater)
);
