-- Checkout quotes that showed a backorder or pre-order (BackorderQuoted), one row per quoted SKU, and the quote an
-- order was placed from (OrderPlaced.quoteId). A quote's conversion is read by joining the two, so it does not
-- matter which of the two messages arrives first.

create table quote_fact (
    quote_id     uuid         not null,
    sku          varchar(100) not null,
    quantity     integer      not null,
    -- BACKORDER or PREORDER: what the customer was shown
    kind         varchar(20)  not null,
    promise_date date,
    location_id  varchar(100),
    quoted_at    timestamptz  not null,
    primary key (quote_id, sku)
);

create index quote_fact_quoted_at on quote_fact (quoted_at);

alter table order_fact add column quote_id uuid;

create index order_fact_quote on order_fact (quote_id) where quote_id is not null;
