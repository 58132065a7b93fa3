-- Every saga step and every view reads all children of one order (OrderRepository): without these indexes each of
-- those reads scanned its whole table, which grows with every order. order_line has its index since V1, shipment
-- its unique (order_id, external_id).
create index payment_hold_by_order on payment_hold (order_id, seq);
create index shipment_line_by_order on shipment_line (order_id, seq);
create index payment_capture_by_order on payment_capture (order_id, seq);
create index payment_refund_by_order on payment_refund (order_id, seq);
create index offer_by_order on offer (order_id, seq);
