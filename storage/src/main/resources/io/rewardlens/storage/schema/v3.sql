-- RewardLens store, schema version 3.
-- Verdicts that are no longer in force: an annotator's earlier verdict replaced by a newer one
-- (re-judged in the workbench, or a newer verdict merged from a teammate's file or database), or
-- an imported verdict older than the one in force. Kept so that no verdict is ever lost; the
-- verdict in force stays the annotator's row in annotation.

CREATE TABLE annotation_history (
  id               INTEGER PRIMARY KEY,
  pair_id          INTEGER NOT NULL REFERENCES pair (id) ON DELETE CASCADE,
  annotator        TEXT    NOT NULL,
  verdict          TEXT    NOT NULL CHECK (verdict IN ('A_BETTER', 'B_BETTER', 'TIE', 'BOTH_BAD', 'SKIP')),
  strength         INTEGER CHECK (strength BETWEEN 1 AND 3),
  tags             TEXT    NOT NULL,
  rationale        TEXT    NOT NULL,
  displayed_as_a   TEXT    NOT NULL CHECK (displayed_as_a IN ('chosen', 'rejected')),
  time_taken_ms    INTEGER NOT NULL CHECK (time_taken_ms >= 0),
  created_at_ms    INTEGER NOT NULL,
  superseded_at_ms INTEGER NOT NULL
);
CREATE INDEX annotation_history_by_pair ON annotation_history (pair_id, annotator);
