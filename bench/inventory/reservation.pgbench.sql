-- The statements inventory-service runs for one ReserveStock message with one line that is reserved from stock
-- (captured with quarkus.hibernate-orm.log.sql=true), in the same order, against the same schema and data. An item
-- in stock needs no backorder-cap facts, so the service reads no waiting or inbound units.
-- Hot-SKU skew as in the Java clients: half of all orders are for BENCH-0, the rest spread over BENCH-1..99.
\set r random(1, 100)
\set n (case when :r <= 50 then 0 else random(1, 99) end)
BEGIN;
-- InboxConsumer: the message id, in the transaction of the effect; returns the ids the message carries
insert into processed_message (message_id, type) values (gen_random_uuid(), 'ReserveStock')
    on conflict (message_id) do nothing
    returning gen_random_uuid() as line_id, gen_random_uuid() as order_id \gset
-- ReservationService.reserve: lines decided before?
select ol1_0.line_id,ol1_0.allocated,ol1_0.backordered,ol1_0.confidence,ol1_0.created_at,ol1_0.customer_id,ol1_0.customer_tier,ol1_0.dropshipped,ol1_0.first_confidence,ol1_0.first_promise_date,ol1_0.initial_backordered,ol1_0.initial_reserved,ol1_0.kind,ol1_0.latest_acceptable_date,ol1_0.location_id,ol1_0.order_id,ol1_0.order_value,ol1_0.ordered_at,ol1_0.promise_date,ol1_0.quantity,ol1_0.rejection_reason,ol1_0.reserved,ol1_0.ship_complete,ol1_0.shipped,ol1_0.sku,ol1_0.status,ol1_0.updated_at,ol1_0.version from order_line ol1_0 where ol1_0.line_id in (:line_id);
-- lock the SKU, then its stock rows
select s1_0.sku,s1_0.backorder_cap,s1_0.backorder_policy,s1_0.cap_to_inbound,s1_0.created_at,s1_0.launch_date,s1_0.lead_time_days,s1_0.name,s1_0.planning_class,s1_0.substitution_group,s1_0.unit_price,s1_0.updated_at,s1_0.version from sku s1_0 where s1_0.sku in ('BENCH-' || :n) order by s1_0.sku for no key update of s1_0;
select s1_0.location_id,s1_0.sku,s1_0.on_hand,s1_0.reserved,s1_0.safety_stock from stock s1_0 where s1_0.sku in ('BENCH-' || :n) order by s1_0.sku,s1_0.location_id for no key update of s1_0 \gset
-- from here to the commit the service sends its writes without waiting for each one's answer (pipelined on its
-- connection, while the SKU stays locked); so does pgbench
\startpipeline
-- demand history, and replenishment planning due no sooner than a minute after its last run
insert into demand_day (sku, day, ordered_units, backordered_units, rejected_units, cancelled_delay_units, cancelled_other_units)
select * from unnest(array['BENCH-' || :n], array[current_date], array[1], array[0], array[0], array[0], array[0])
on conflict (sku, day) do update set ordered_units = demand_day.ordered_units + excluded.ordered_units, backordered_units = demand_day.backordered_units + excluded.backordered_units, rejected_units = demand_day.rejected_units + excluded.rejected_units, cancelled_delay_units = demand_day.cancelled_delay_units + excluded.cancelled_delay_units, cancelled_other_units = demand_day.cancelled_other_units + excluded.cancelled_other_units;
update sku_planning p set due_at = greatest(now(), p.last_planned_at + make_interval(secs => s.wait)), due_reason = 'demand changed'
from unnest(array['BENCH-' || :n], array[60.0]) as s(sku, wait)
where p.sku = s.sku and p.due_at > greatest(now(), p.last_planned_at + make_interval(secs => s.wait));
-- the StockReserved reply through the outbox (a body of the size the service writes)
insert into outbox_batch (message_ids, destinations, types, correlation_ids, body_numbers, bodies, deliveries, created_at)
values (array[gen_random_uuid()], array['backorder.order'], array['StockReserved'], array[:order_id], array[1], array['{"specversion":"1.0","id":"' || gen_random_uuid() || '","type":"StockReserved","source":"inventory-service","time":"' || now() || '","correlationid":"' || :order_id || '","schemaversion":1,"datacontenttype":"application/json","data":{"orderId":"' || :order_id || '","lineId":"' || :line_id || '","sku":"BENCH-' || :n || '","quantity":1,"locationId":"' || :location_id || '"}}'], 1, clock_timestamp());
-- the line, its reservation and the stock row: the service flushes them while the statements above are in flight
insert into order_line (allocated,backordered,confidence,created_at,customer_id,customer_tier,dropshipped,first_confidence,first_promise_date,initial_backordered,initial_reserved,kind,latest_acceptable_date,location_id,order_id,order_value,ordered_at,promise_date,quantity,rejection_reason,reserved,ship_complete,shipped,sku,status,updated_at,version,line_id) values (0,0,null,now(),'bench-customer','STANDARD',0,null,null,0,1,null,null,:location_id,:order_id,25.00,now(),null,1,null,1,false,0,'BENCH-' || :n,'RESERVED',now(),0,:line_id);
insert into line_reservation (units,line_id,location_id) values (1,:line_id,:location_id);
update stock set on_hand=:on_hand,reserved=:reserved + 1,safety_stock=:safety_stock where location_id=:location_id and sku='BENCH-' || :n;
COMMIT;
\endpipeline
