-- RewardLens store, schema version 2.
-- Store-wide settings: key/value text that applies to everyone who opens this file (for example
-- that annotators must work in blind mode), as opposed to per-user preferences.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
