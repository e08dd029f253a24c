-- RewardLens store, schema version 4.
-- A bulk import commits in steps, so that the write-ahead log stays small while it runs. Until it
-- commits its last step, its dataset names the importing process in import_owner ("host pid
-- start-instant"), and every read of the store ignores the dataset and its pairs; the owner is
-- cleared in the transaction of the last rows. NULL: the dataset is complete. A dataset whose
-- owner died (on this host) is deleted the next time the store is opened.

ALTER TABLE dataset ADD COLUMN import_owner TEXT;
