-- The outbox keeps the messages of one publishing statement in one row: a receipt allocated across 1,000 waiting
-- lines wrote 2,000 rows (StockAllocated goes to two destinations), each with three index entries, and PostgreSQL
-- spent more time on them than on the allocation itself; the relay then updated each row once more. A batch row holds
-- the deliveries (message and destination) as parallel arrays in the order they were published, and every body once
-- (deliveries point at it by number), compressed together with lz4. The relay sends a batch's deliveries in order and
-- marks the batch sent.
create table outbox_batch (
    sequence        bigint generated always as identity primary key,
    -- one entry per delivery: a message to one destination
    message_ids     uuid[]          not null,
    destinations    varchar(200)[]  not null,
    types           varchar(100)[]  not null,
    correlation_ids varchar(100)[]  not null,
    body_numbers    integer[]       not null,
    bodies          text[]          compression lz4 not null,
    deliveries      integer         not null,
    created_at      timestamptz     not null default now(),
    sent_at         timestamptz,
    attempts        integer         not null default 0,
    last_error      varchar(1000),
    constraint outbox_batch_shape check (
        deliveries > 0 and cardinality(message_ids) = deliveries
        and cardinality(destinations) = deliveries and cardinality(types) = deliveries
        and cardinality(correlation_ids) = deliveries and cardinality(body_numbers) = deliveries
        and cardinality(bodies) between 1 and deliveries
        and array_position(message_ids, null) is null and array_position(destinations, null) is null
        and array_position(types, null) is null and array_position(bodies, null) is null
        and 0 < all(body_numbers) and cardinality(bodies) >= all(body_numbers))
);

-- The relay only ever looks for unsent batches, oldest first.
create index outbox_batch_unsent on outbox_batch (sequence) where sent_at is null;

-- Rows written before this migration move over as batches of one delivery, in their order.
insert into outbox_batch (message_ids, destinations, types, correlation_ids, body_numbers, bodies, deliveries,
    created_at, sent_at, attempts, last_error)
select array[message_id], array[destination], array[type], array[correlation_id], array[1], array[body], 1,
    created_at, sent_at, attempts, last_error
from outbox_message
order by sequence;

drop table outbox_message;

-- One row per delivery, as the old table had them, for operators and tests (sequence is the batch's, position orders
-- the deliveries within it). Bodies are unnested once per batch, not looked up per delivery.
create view outbox_message as
select b.sequence, d.position, d.message_id, d.destination, d.type, d.correlation_id, body.body, b.created_at,
    b.sent_at, b.attempts, b.last_error
from outbox_batch b
cross join lateral unnest(b.message_ids, b.destinations, b.types, b.correlation_ids, b.body_numbers)
    with ordinality as d(message_id, destination, type, correlation_id, body_number, position)
join lateral unnest(b.bodies) with ordinality as body(body, body_number) on body.body_number = d.body_number;
