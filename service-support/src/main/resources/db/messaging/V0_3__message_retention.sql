-- MessageRetention deletes outbox batches sent long ago and inbox ids remembered long enough. These indexes find
-- the old rows without reading the whole tables; BRIN because both columns grow with the insert order, and a BRIN
-- entry costs next to nothing on the insert path every message takes.
create index outbox_batch_created on outbox_batch using brin (created_at);
create index processed_message_processed on processed_message using brin (processed_at);
