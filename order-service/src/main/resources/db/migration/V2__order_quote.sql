-- The inventory quote an order was placed from (optional): insights-service counts backorder quotes that never
-- became an order.
alter table orders add column quote_id uuid;
