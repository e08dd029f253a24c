-- RewardLens store, schema version 1.
-- Message lists are JSON arrays of {"role", "content"} objects, written compactly by the store.
-- Times are milliseconds since the Unix epoch (UTC).

CREATE TABLE dataset (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE,
  origin        TEXT,
  created_at_ms INTEGER NOT NULL
);

CREATE TABLE pair (
  id             INTEGER PRIMARY KEY,
  dataset_id     INTEGER NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  source         TEXT,
  prompt         TEXT    NOT NULL,
  chosen         TEXT    NOT NULL,
  rejected       TEXT    NOT NULL,
  diverging      INTEGER NOT NULL CHECK (diverging IN (0, 1)),
  metadata       TEXT,
  parent_pair_id INTEGER REFERENCES pair (id) ON DELETE SET NULL
);
-- Walking a dataset in import order; "next unannotated after position".
CREATE INDEX pair_by_dataset_position ON pair (dataset_id, position, id);
-- Pairs by source.
CREATE INDEX pair_by_source ON pair (source, dataset_id, position);
-- Edited variants of a pair (few rows, hence partial).
CREATE INDEX pair_by_parent ON pair (parent_pair_id) WHERE parent_pair_id IS NOT NULL;

CREATE TABLE annotation (
  id             INTEGER PRIMARY KEY,
  pair_id        INTEGER NOT NULL REFERENCES pair (id) ON DELETE CASCADE,
  annotator      TEXT    NOT NULL,
  verdict        TEXT    NOT NULL CHECK (verdict IN ('A_BETTER', 'B_BETTER', 'TIE', 'BOTH_BAD', 'SKIP')),
  strength       INTEGER CHECK (strength BETWEEN 1 AND 3),
  tags           TEXT    NOT NULL,
  rationale      TEXT    NOT NULL,
  displayed_as_a TEXT    NOT NULL CHECK (displayed_as_a IN ('chosen', 'rejected')),
  time_taken_ms  INTEGER NOT NULL CHECK (time_taken_ms >= 0),
  created_at_ms  INTEGER NOT NULL,
  -- The side (chosen/rejected as the dataset labels them) the human preferred, if any.
  preferred_side TEXT GENERATED ALWAYS AS (
    CASE verdict
      WHEN 'A_BETTER' THEN displayed_as_a
      WHEN 'B_BETTER' THEN CASE displayed_as_a WHEN 'chosen' THEN 'rejected' ELSE 'chosen' END
    END) VIRTUAL,
  -- One verdict per annotator and pair; the unique index also serves "is this pair annotated".
  UNIQUE (pair_id, annotator)
);

CREATE TABLE model (
  id               INTEGER PRIMARY KEY,
  bundle_hash      TEXT    NOT NULL,
  name             TEXT    NOT NULL,
  dtype            TEXT    NOT NULL,
  device           TEXT    NOT NULL,
  engine_version   TEXT    NOT NULL,
  template_hash    TEXT    NOT NULL,
  registered_at_ms INTEGER NOT NULL,
  UNIQUE (bundle_hash, dtype, device, engine_version, template_hash)
);

CREATE TABLE score (
  id                    INTEGER PRIMARY KEY,
  pair_id               INTEGER NOT NULL REFERENCES pair (id) ON DELETE CASCADE,
  model_id              INTEGER NOT NULL REFERENCES model (id) ON DELETE CASCADE,
  chosen_score          REAL    NOT NULL,
  rejected_score        REAL    NOT NULL,
  -- Positive when the model agrees with the dataset label.
  margin                REAL    GENERATED ALWAYS AS (chosen_score - rejected_score) STORED,
  -- Per-token scores: little-endian float32 arrays.
  chosen_token_scores   BLOB,
  rejected_token_scores BLOB,
  bundle_hash           TEXT    NOT NULL,
  dtype                 TEXT    NOT NULL,
  device                TEXT    NOT NULL,
  template_hash         TEXT    NOT NULL,
  truncated             INTEGER NOT NULL CHECK (truncated IN (0, 1)),
  scored_at_ms          INTEGER NOT NULL,
  UNIQUE (pair_id, model_id)
);
-- Disagreements of one model, most confidently wrong first.
CREATE INDEX score_by_model_margin ON score (model_id, margin);

CREATE TABLE score_cache (
  bundle_hash   TEXT    NOT NULL,
  token_key     BLOB    NOT NULL,
  score         REAL    NOT NULL,
  token_scores  BLOB,
  -- Where the score came from (model, dtype, device, engine, template, time), as JSON text
  -- written by the scoring side; kept so a cache hit still carries its provenance.
  provenance    TEXT    NOT NULL,
  created_at_ms INTEGER NOT NULL,
  PRIMARY KEY (bundle_hash, token_key)
);

-- Pairs where a model prefers the side the dataset label rejected ('label'), or the side a human
-- verdict rejected ('human'); wrongness is how far the model leans the wrong way.
CREATE VIEW disagreement AS
SELECT s.pair_id, s.model_id, 'label' AS against, NULL AS annotation_id, 'chosen' AS expected_side,
       s.margin, -s.margin AS wrongness
FROM score s
WHERE s.margin < 0
UNION ALL
SELECT s.pair_id, s.model_id, 'human' AS against, a.id AS annotation_id, a.preferred_side AS expected_side,
       s.margin, CASE a.preferred_side WHEN 'chosen' THEN -s.margin ELSE s.margin END AS wrongness
FROM score s
JOIN annotation a ON a.pair_id = s.pair_id
WHERE (a.preferred_side = 'chosen' AND s.margin < 0)
   OR (a.preferred_side = 'rejected' AND s.margin > 0);
