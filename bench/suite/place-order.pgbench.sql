-- The SQL of one order placed and reserved, as the services issue it (captured with log_statement = all from a
-- suite benchmark run, re-captured 2026-12-01 13:47 UTC after the outbox batches and the two-statement order
-- aggregate; since 2026-12-01 21:40 a saga step's timeline append also queues its webhook deliveries, in one statement
-- instead of a read of the subscriptions after it), in five transactions like the services: order-service accepts
-- the order; its outbox relay claims the ReserveStock message; inventory-service reserves the unit and writes its
-- reply; inventory's relay claims the reply; order-service applies StockReserved and queues the authorization.
-- Schema o holds order-service's tables, schema i inventory-service's (both created from the services' own
-- migrations). Broker hops, JSON and Java work are what the service pays on top. -D hot=N sends N % of orders to SKU
-- PO-0. Message bodies are built with json_build_object because pgbench would read a colon inside a literal as a
-- variable.
\set sku random(0, 99)
\set roll random(1, 100)
\if :roll <= :hot
\set sku 0
\endif
select gen_random_uuid() as order_id, gen_random_uuid() as line_id, gen_random_uuid() as command_id,
       gen_random_uuid() as reply_id, gen_random_uuid() as request_key, gen_random_uuid() as hold_id,
       gen_random_uuid() as placed_event, gen_random_uuid() as reserved_event, gen_random_uuid() as opened_event,
       gen_random_uuid() as authorizing_event \gset

-- 1. order-service: POST /orders (its outbox batch holds OrderPlaced for insights and ReserveStock for inventory)
begin;
insert into o.idempotency_record (platform, idempotency_key, request_hash, created_at)
    values ('bench', :request_key, encode(sha256(convert_to(:request_key, 'UTF8')), 'hex'), now())
    on conflict (platform, idempotency_key) do nothing;
insert into o.outbox_batch (message_ids, destinations, types, correlation_ids, body_numbers, bodies, deliveries,
        created_at)
    values (array[gen_random_uuid(), :command_id::uuid], array['backorder.insights', 'backorder.inventory'],
        array['OrderPlaced', 'ReserveStock'], array[:order_id::text, :order_id::text], array[1, 2],
        array[json_build_object('specversion', '1.0', 'id', gen_random_uuid()::text, 'type', 'OrderPlaced', 'source',
            'order-service', 'time', now(), 'correlationid', :order_id::text, 'schemaversion', 1,
            'datacontenttype', 'application/json', 'data', json_build_object('orderId', :order_id::text,
            'customerId', 'bench-customer', 'customerTier', 'STANDARD', 'placedAt', now(), 'lines',
            json_build_array(json_build_object('lineId', :line_id::text, 'sku', 'PO-' || :sku::text, 'quantity', 1)),
            'quoteId', null))::text,
        json_build_object('specversion', '1.0', 'id', :command_id::text, 'type', 'ReserveStock', 'source',
            'order-service', 'time', now(), 'correlationid', :order_id::text, 'schemaversion', 1,
            'datacontenttype', 'application/json', 'data', json_build_object('orderId', :order_id::text,
            'customerId', 'bench-customer', 'customerTier', 'STANDARD', 'orderValue', 10, 'orderPlacedAt', now(),
            'shipComplete', false, 'latestAcceptableDate', null, 'lines', json_build_array(json_build_object(
            'lineId', :line_id::text, 'sku', 'PO-' || :sku::text, 'quantity', 1))))::text], 2, clock_timestamp())
    returning sequence as command_sequence \gset
with appended as (
    insert into o.timeline_entry (event_id, order_id, at, type, line_id, detail)
    select event_id, order_id, at, type, line_id, detail
    from unnest(array[:placed_event::uuid], array[:order_id::uuid], array[now()], array['order.placed'],
        array[null::uuid], array['Placed with 1 line(s) worth EUR 10.00, shipping what is available'])
        with ordinality as e(event_id, order_id, at, type, line_id, detail, n)
    order by n)
insert into o.webhook_delivery (id, subscription_id, event_id, event_type, payload, status, attempts,
        next_attempt_at, created_at)
select gen_random_uuid(), s.id, e.event_id, e.type, e.payload, 'PENDING', 0, now(), now()
from unnest(array[:placed_event::uuid], array['order.placed'], array[json_build_object('id', :placed_event::text,
        'type', 'order.placed', 'at', now(), 'orderId', :order_id::text, 'orderReference', 'bench', 'status',
        'RESERVING', 'lineId', null, 'detail', 'Placed with 1 line(s) worth EUR 10.00, shipping what is available')::text])
    with ordinality as e(event_id, type, payload, n)
join o.webhook_subscription s on s.platform = 'bench'
where exists (select from unnest(string_to_array(s.events, ',')) as wanted(pattern)
              where pattern in ('*', e.type) or (pattern like '%.*' and starts_with(e.type, left(pattern, -1))))
order by e.n, s.created_at;
update o.idempotency_record set order_id = :order_id, status_code = 201,
        response = json_build_object('id', :order_id::text, 'reference', 'bench', 'status', 'RESERVING', 'currency',
            'EUR', 'shipping', 'SHIP_AVAILABLE', 'readyToShip', false, 'customer', json_build_object('id',
            'bench-customer', 'tier', 'STANDARD', 'locale', 'en', 'email', 'bench@bench.test'), 'lines',
            json_build_array(json_build_object('id', :line_id::text, 'sku', 'PO-' || :sku::text, 'quantity', 1,
            'unitPrice', 10.00, 'discount', 0, 'amount', 10.00, 'state', 'PENDING', 'reserved', 0, 'backordered', 0,
            'dropship', 0, 'shipped', 0)), 'payment', json_build_object('authorized', 0, 'captured', 0, 'refunded', 0),
            'timeline', json_build_array(json_build_object('type', 'order.placed', 'detail',
            'Placed with 1 line(s) worth EUR 10.00, shipping what is available')))::text
    where platform = 'bench' and idempotency_key = :request_key;
insert into o.orders (attention, cancel_reason, currency, customer_email, customer_id, customer_locale, customer_phone,
        customer_tier, email_opt_in, latest_acceptable_date, payment_action, payment_action_deadline, payment_method,
        payment_method_status, placed_at, platform, quote_id, reference, ship_complete, sms_opt_in, status, steps,
        updated_at, version, id)
    values (null, null, 'EUR', 'bench@bench.test', 'bench-customer', 'en', null, 'STANDARD', true, null, null, null,
        'pm_card_visa', 'UNVERIFIED', now(), 'bench', null, left(cast(:order_id as text), 8), false, false,
        'RESERVING', 1, now(), 0, :order_id);
insert into o.order_line (allocated, backorder_kind, backordered, cancel_reason, cancellation_notified, confidence,
        created_at, description, discount, dropship, first_promise_date, hold_id, offer_baseline_date, order_id,
        promise_date, promise_history, quantity, rejection_reason, release_reason, reserved, seq, shipped,
        shipped_from_stock, sku, state, stock_released, substitute_for, substituted_by, unit_price, id)
    values (0, null, 0, null, false, null, now(), null, 0, 0, null, null, null, :order_id, null, null, 1, null, null,
        0, 1, 0, 0, 'PO-' || :sku::text, 'PENDING', false, null, null, 10.00, :line_id);
commit;

-- 2. order-service's outbox relay claims the command (sent to the broker after this commit). The relay claims
--    whatever is unsent, up to 200 rows; here each client claims its own row, or two clients could each claim the
--    other's row and deadlock on their own.
begin;
with claimed as (
    select sequence, deliveries from o.outbox_batch
    where sent_at is null and sequence = :command_sequence order by sequence limit 200 for update skip locked
), taken as (
    select sequence from (select sequence, sum(deliveries) over (order by sequence) as through from claimed) running
    where through <= 200 or sequence = (select min(sequence) from claimed)
)
select b.sequence, b.message_ids, b.destinations, b.types, b.correlation_ids, b.body_numbers, b.bodies,
    (select count(*) from claimed) as claimed
from o.outbox_batch b join taken on taken.sequence = b.sequence order by b.sequence;
update o.outbox_batch set sent_at = now(), attempts = attempts + 1, last_error = null
    where sequence = any(array[cast(:command_sequence as bigint)]);
commit;

-- 3. inventory-service: ReserveStock
begin;
insert into i.processed_message (message_id, type) values (:command_id, 'ReserveStock')
    on conflict (message_id) do nothing;
select line_id, allocated, backordered, confidence, created_at, customer_id, customer_tier, dropshipped,
        first_confidence, first_promise_date, initial_backordered, initial_reserved, kind, latest_acceptable_date,
        location_id, order_id, order_value, ordered_at, promise_date, quantity, rejection_reason, reserved,
        ship_complete, shipped, sku, status, updated_at, version
    from i.order_line where line_id in (:line_id);
select sku, backorder_cap, backorder_policy, cap_to_inbound, created_at, launch_date, lead_time_days, name,
        substitution_group, unit_price, updated_at, version
    from i.sku where sku in ('PO-' || :sku::text) order by sku for no key update;
select location_id, sku, on_hand, reserved, safety_stock from i.stock where sku in ('PO-' || :sku::text)
    order by sku, location_id for no key update;
insert into i.outbox_batch (message_ids, destinations, types, correlation_ids, body_numbers, bodies, deliveries,
        created_at)
    values (array[:reply_id::uuid, :reply_id::uuid], array['backorder.order', 'backorder.insights'],
        array['StockReserved', 'StockReserved'], array[:order_id::text, :order_id::text], array[1, 1],
        array[json_build_object('specversion', '1.0', 'id',
            :reply_id::text, 'type', 'StockReserved', 'source', 'inventory-service', 'time', now(), 'correlationid',
            :order_id::text, 'causationid', :command_id::text, 'schemaversion', 1, 'datacontenttype',
            'application/json', 'data', json_build_object('orderId', :order_id::text, 'lineId', :line_id::text,
            'sku', 'PO-' || :sku::text, 'reservations', json_build_array(json_build_object('locationId', 'bench',
            'quantity', 1))))::text], 2, clock_timestamp())
    returning sequence as reply_sequence \gset
-- the service sends the rest without waiting for each answer (pipelined, while the SKU stays locked); so does
-- pgbench, after the outbox insert above, whose sequence the relay's claim below needs (\gset is not allowed in a
-- pipeline)
\startpipeline
insert into i.demand_day (sku, day, ordered_units, backordered_units, rejected_units, cancelled_delay_units,
        cancelled_other_units)
    select * from unnest(array['PO-' || :sku::text], array[current_date], array[1], array[0], array[0], array[0],
        array[0])
    on conflict (sku, day) do update set ordered_units = i.demand_day.ordered_units + excluded.ordered_units,
        backordered_units = i.demand_day.backordered_units + excluded.backordered_units,
        rejected_units = i.demand_day.rejected_units + excluded.rejected_units,
        cancelled_delay_units = i.demand_day.cancelled_delay_units + excluded.cancelled_delay_units,
        cancelled_other_units = i.demand_day.cancelled_other_units + excluded.cancelled_other_units;
update i.sku_planning p set due_at = greatest(now(), p.last_planned_at + make_interval(secs => s.wait)),
        due_reason = 'demand changed'
    from unnest(array['PO-' || :sku::text], array[60.0]) as s(sku, wait)
    where p.sku = s.sku and p.due_at > greatest(now(), p.last_planned_at + make_interval(secs => s.wait));
insert into i.order_line (allocated, backordered, confidence, created_at, customer_id, customer_tier, dropshipped,
        first_confidence, first_promise_date, initial_backordered, initial_reserved, kind, latest_acceptable_date,
        location_id, order_id, order_value, ordered_at, promise_date, quantity, rejection_reason, reserved,
        ship_complete, shipped, sku, status, updated_at, version, line_id)
    values (0, 0, null, now(), 'bench-customer', 'STANDARD', 0, null, null, 0, 1, null, null, 'bench', :order_id,
        10.0, now(), null, 1, null, 1, false, 0, 'PO-' || :sku::text, 'RESERVED', now(), 0, :line_id);
insert into i.line_reservation (units, line_id, location_id) values (1, :line_id, 'bench');
update i.stock set reserved = reserved + 1 where location_id = 'bench' and sku = 'PO-' || :sku::text;
commit;
\endpipeline

-- 4. inventory-service's outbox relay claims the reply
begin;
with claimed as (
    select sequence, deliveries from i.outbox_batch
    where sent_at is null and sequence = :reply_sequence order by sequence limit 200 for update skip locked
), taken as (
    select sequence from (select sequence, sum(deliveries) over (order by sequence) as through from claimed) running
    where through <= 200 or sequence = (select min(sequence) from claimed)
)
select b.sequence, b.message_ids, b.destinations, b.types, b.correlation_ids, b.body_numbers, b.bodies,
    (select count(*) from claimed) as claimed
from i.outbox_batch b join taken on taken.sequence = b.sequence order by b.sequence;
update i.outbox_batch set sent_at = now(), attempts = attempts + 1, last_error = null
    where sequence = any(array[cast(:reply_sequence as bigint)]);
commit;

-- 5. order-service: StockReserved (the saga locks the order, counting its children, reads the aggregate in one
--    joined query, records the outcome, queues the authorization)
begin;
insert into o.processed_message (message_id, type) values (:reply_id, 'StockReserved')
    on conflict (message_id) do nothing;
select (select count(*) from o.order_line c where c.order_id = o.id),
        (select count(*) from o.payment_hold c where c.order_id = o.id),
        (select count(*) from o.shipment c where c.order_id = o.id),
        (select count(*) from o.shipment_line c where c.order_id = o.id),
        (select count(*) from o.payment_capture c where c.order_id = o.id),
        (select count(*) from o.payment_refund c where c.order_id = o.id),
        (select count(*) from o.offer c where c.order_id = o.id)
    from o.orders o where o.id = :order_id for no key update of o;
select o1_0.*, l1_0.*, h1_0.*, s1_0.*, sl1_0.*, c1_0.*, r1_0.*, o2_0.*
    from o.orders o1_0 left join o.order_line l1_0 on o1_0.id = l1_0.order_id
    left join o.payment_hold h1_0 on o1_0.id = h1_0.order_id left join o.shipment s1_0 on o1_0.id = s1_0.order_id
    left join o.shipment_line sl1_0 on o1_0.id = sl1_0.order_id
    left join o.payment_capture c1_0 on o1_0.id = c1_0.order_id
    left join o.payment_refund r1_0 on o1_0.id = r1_0.order_id left join o.offer o2_0 on o1_0.id = o2_0.order_id
    where o1_0.id = :order_id
    order by l1_0.seq, h1_0.seq, s1_0.seq, sl1_0.seq, c1_0.seq, r1_0.seq, o2_0.seq;
with appended as (
    insert into o.timeline_entry (event_id, order_id, at, type, line_id, detail)
    select event_id, order_id, at, type, line_id, detail
    from unnest(array[:reserved_event::uuid, :opened_event::uuid, :authorizing_event::uuid],
        array[:order_id::uuid, :order_id::uuid, :order_id::uuid], array[now(), now(), now()],
        array['line.reserved', 'order.opened', 'payment.authorization_requested'], array[:line_id::uuid, null, null],
        array['All 1 unit(s) reserved at bench', 'Every line has an outcome: {RESERVED=1}',
            'Authorizing EUR 10.00 (checkout)'])
        with ordinality as e(event_id, order_id, at, type, line_id, detail, n)
    order by n)
insert into o.webhook_delivery (id, subscription_id, event_id, event_type, payload, status, attempts,
        next_attempt_at, created_at)
select gen_random_uuid(), s.id, e.event_id, e.type, e.payload, 'PENDING', 0, now(), now()
from unnest(array[:reserved_event::uuid, :opened_event::uuid, :authorizing_event::uuid],
        array['line.reserved', 'order.opened', 'payment.authorization_requested'],
        array[json_build_object('id', :reserved_event::text, 'type', 'line.reserved', 'at', now(), 'orderId',
            :order_id::text, 'orderReference', 'bench', 'status', 'OPEN', 'lineId', :line_id::text, 'detail',
            'All 1 unit(s) reserved at bench')::text,
        json_build_object('id', :opened_event::text, 'type', 'order.opened', 'at', now(), 'orderId', :order_id::text,
            'orderReference', 'bench', 'status', 'OPEN', 'lineId', null, 'detail',
            'Every line has an outcome: {RESERVED=1}')::text,
        json_build_object('id', :authorizing_event::text, 'type', 'payment.authorization_requested', 'at', now(),
            'orderId', :order_id::text, 'orderReference', 'bench', 'status', 'OPEN', 'lineId', null, 'detail',
            'Authorizing EUR 10.00 (checkout)')::text])
    with ordinality as e(event_id, type, payload, n)
join o.webhook_subscription s on s.platform = 'bench'
where exists (select from unnest(string_to_array(s.events, ',')) as wanted(pattern)
              where pattern in ('*', e.type) or (pattern like '%.*' and starts_with(e.type, left(pattern, -1))))
order by e.n, s.created_at;
insert into o.payment_operation (amount, attempts, completed_at, created_at, currency, kind, last_error, not_before,
        order_id, outcome, payment_method, provider_ref, status, target_id, id)
    values (10.00, 0, null, now(), 'EUR', 'AUTHORIZE', null, now(), :order_id, null, 'pm_card_visa', null, 'PENDING',
        :hold_id, gen_random_uuid());
insert into o.payment_hold (amount, captured, capturing, created_at, expires_at, failure, order_id, payment_method,
        provider_ref, purpose, replaces, seq, status, id)
    values (10.00, 0, 0, now(), null, null, :order_id, 'pm_card_visa', null, 'checkout', null, 1, 'PENDING', :hold_id);
update o.orders set status = 'OPEN', steps = 2, updated_at = now(), version = 1 where id = :order_id and version = 0;
update o.order_line set hold_id = :hold_id, reserved = 1, state = 'RESERVED' where id = :line_id;
commit;
