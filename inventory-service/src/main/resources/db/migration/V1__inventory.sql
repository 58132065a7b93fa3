create table location (
    id     varchar(32)  primary key,
    name   varchar(200) not null,
    region varchar(64)
);

create table sku (
    sku                varchar(64)  primary key,
    name               varchar(200) not null,
    backorder_policy   varchar(20)  not null
        constraint sku_backorder_policy check (backorder_policy in ('DENY', 'ALLOW', 'ALLOW_CAPPED', 'PREORDER')),
    -- ALLOW_CAPPED: at most this many units backordered at once; null with cap_to_inbound = true caps at the
    -- confirmed inbound quantity instead.
    backorder_cap      integer      constraint sku_backorder_cap check (backorder_cap >= 0),
    cap_to_inbound     boolean      not null default false,
    launch_date        date,
    lead_time_days     integer      not null default 14 constraint sku_lead_time check (lead_time_days >= 0),
    substitution_group varchar(64),
    unit_price         numeric(12, 2),
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    version            integer      not null default 0
);

create index sku_substitution_group on sku (substitution_group) where substitution_group is not null;

-- Available = on_hand - reserved. The checks make overselling impossible even for a buggy caller.
create table stock (
    sku          varchar(64) not null references sku,
    location_id  varchar(32) not null references location,
    on_hand      integer     not null default 0,
    reserved     integer     not null default 0,
    safety_stock integer     not null default 0,
    primary key (sku, location_id),
    constraint stock_on_hand_not_negative check (on_hand >= 0),
    constraint stock_reserved_not_negative check (reserved >= 0),
    constraint stock_never_oversold check (reserved <= on_hand),
    constraint stock_safety_stock_not_negative check (safety_stock >= 0)
);

-- Every change of on-hand, with its reason: adjustments, receipts, shipments.
create table stock_journal (
    id            bigint generated always as identity primary key,
    sku           varchar(64)  not null,
    location_id   varchar(32)  not null,
    delta         integer      not null,
    on_hand_after integer      not null,
    reason        varchar(40)  not null,
    note          varchar(500),
    reference     varchar(100),
    actor         varchar(100),
    created_at    timestamptz  not null default now()
);

create index stock_journal_by_sku on stock_journal (sku, created_at);

-- Supply on its way: one row per purchase-order line, moved by supplier ETAs and receipts.
create table inbound_supply (
    id                     uuid        primary key,
    sku                    varchar(64) not null references sku,
    location_id            varchar(32) not null references location,
    purchase_order_id      varchar(64) not null,
    purchase_order_line_id varchar(64) not null unique,
    quantity               integer     not null constraint inbound_quantity check (quantity > 0),
    received               integer     not null default 0,
    eta                    date,
    confirmed              boolean     not null default false,
    status                 varchar(20) not null default 'OPEN'
        constraint inbound_status check (status in ('OPEN', 'CLOSED', 'CANCELLED')),
    constraint inbound_received check (received >= 0 and received <= quantity)
);

create index inbound_supply_open on inbound_supply (sku, eta) where status = 'OPEN';

-- Inventory's view of one order line: what was reserved for it and what it still waits for (its backorder
-- position). Reserved units are the fulfilment backlog until shipped; backordered units wait for supply.
create table order_line (
    line_id              uuid          primary key,
    order_id             uuid          not null,
    sku                  varchar(64)   not null,
    location_id          varchar(32),
    quantity             integer       not null constraint order_line_quantity check (quantity > 0),
    reserved             integer       not null default 0,
    backordered          integer       not null default 0,
    allocated            integer       not null default 0,
    shipped              integer       not null default 0,
    status               varchar(20)   not null
        constraint order_line_status check (status in ('RESERVED', 'BACKORDERED', 'REJECTED', 'RELEASED', 'SHIPPED')),
    kind                 varchar(20),
    rejection_reason     varchar(40),
    promise_date         date,
    first_promise_date   date,
    confidence           varchar(10),
    customer_tier        varchar(20)   not null,
    order_value          numeric(14, 2) not null default 0,
    ordered_at           timestamptz   not null,
    ship_complete        boolean       not null default false,
    created_at           timestamptz   not null default now(),
    updated_at           timestamptz   not null default now(),
    version              integer       not null default 0,
    constraint order_line_units check (reserved >= 0 and backordered >= 0 and shipped >= 0
        and reserved + backordered + shipped <= quantity)
);

create index order_line_by_order on order_line (order_id);
create index order_line_waiting on order_line (sku, ordered_at) where backordered > 0;
