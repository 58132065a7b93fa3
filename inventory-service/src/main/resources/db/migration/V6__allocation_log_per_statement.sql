-- The allocation log keeps every unit given to a waiting line with the score and explanation that decided it, but
-- no longer as one row per line: one row per allocation statement (a receipt, a release, an adjustment...) holds the
-- placements as parallel arrays, in the order they were decided. A receipt serving 1,000 lines wrote 1,000 rows, each
-- with an index entry and a foreign-key check that locked its order line once more; now it writes one row (its
-- arrays compressed out of line). The log is read by cause (a receipt's view and its idempotent replay); the view
-- "allocation" below gives the same rows and columns as the old table, one per placement, for ad-hoc queries.
create table allocation_batch (
    id           bigint generated always as identity primary key,
    cause        varchar(20)  not null
        constraint allocation_batch_cause check (cause in ('RECEIPT', 'RELEASE', 'ADJUSTMENT', 'IMPORT', 'RESERVATION')),
    cause_ref    varchar(100),
    line_ids     uuid[]           not null,
    order_ids    uuid[]           not null,
    skus         varchar(64)[]    not null,
    location_ids varchar(32)[]    not null,
    units        integer[]        not null,
    score_total  numeric(8, 2)[]  not null,
    score_tier   numeric(8, 2)[]  not null,
    score_value  numeric(8, 2)[]  not null,
    score_age    numeric(8, 2)[]  not null,
    score_slip   numeric(8, 2)[]  not null,
    explanations varchar(1000)[]  not null,
    created_at   timestamptz      not null default now(),
    -- one placement per index of every array, none without its line, units or score
    constraint allocation_batch_shape check (
        cardinality(line_ids) > 0
        and cardinality(order_ids) = cardinality(line_ids) and cardinality(skus) = cardinality(line_ids)
        and cardinality(location_ids) = cardinality(line_ids) and cardinality(units) = cardinality(line_ids)
        and cardinality(score_total) = cardinality(line_ids) and cardinality(score_tier) = cardinality(line_ids)
        and cardinality(score_value) = cardinality(line_ids) and cardinality(score_age) = cardinality(line_ids)
        and cardinality(score_slip) = cardinality(line_ids) and cardinality(explanations) = cardinality(line_ids)
        and array_position(line_ids, null) is null and array_position(units, null) is null and array_position(order_ids, null) is null
        and array_position(skus, null) is null and array_position(location_ids, null) is null
        and array_position(score_total, null) is null and array_position(score_tier, null) is null
        and array_position(score_value, null) is null and array_position(score_age, null) is null
        and array_position(score_slip, null) is null and array_position(explanations, null) is null),
    constraint allocation_batch_units check (0 < all(units))
);

create index allocation_batch_by_cause on allocation_batch (cause, cause_ref);

-- Existing log rows move over, one batch per statement that wrote them (same cause, reference and transaction time),
-- in their original order.
insert into allocation_batch (cause, cause_ref, line_ids, order_ids, skus, location_ids, units, score_total,
    score_tier, score_value, score_age, score_slip, explanations, created_at)
select cause, cause_ref, array_agg(line_id order by id), array_agg(order_id order by id), array_agg(sku order by id),
    array_agg(location_id order by id), array_agg(units order by id), array_agg(score_total order by id),
    array_agg(score_tier order by id), array_agg(score_value order by id), array_agg(score_age order by id),
    array_agg(score_slip order by id), array_agg(explanation order by id), created_at
from allocation
group by cause, cause_ref, created_at
order by min(id);

drop table allocation;

-- One row per placement, as the old table had them (id is the batch's; position orders placements within it).
create view allocation as
select b.id, p.position, p.line_id, p.order_id, p.sku, p.location_id, p.units, b.cause, b.cause_ref, p.score_total,
    p.score_tier, p.score_value, p.score_age, p.score_slip, p.explanation, b.created_at
from allocation_batch b
cross join lateral unnest(b.line_ids, b.order_ids, b.skus, b.location_ids, b.units, b.score_total, b.score_tier,
    b.score_value, b.score_age, b.score_slip, b.explanations) with ordinality
    as p(line_id, order_id, sku, location_id, units, score_total, score_tier, score_value, score_age, score_slip,
        explanation, position);
