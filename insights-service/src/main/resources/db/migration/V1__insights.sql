-- The KPI read model: facts copied from other services' messages, keyed by their business ids so that a fact
-- arriving twice (a re-sent command's reply with a new message id) or out of order lands in the same row.
-- Times are the envelopes' occurred-at times, days are UTC calendar days.

create table order_fact (
    order_id      uuid         primary key,
    customer_id   varchar(100) not null,
    customer_tier varchar(20)  not null,
    placed_at     timestamptz  not null
);

create index order_fact_customer on order_fact (customer_id, placed_at);

create table line_fact (
    line_id              uuid primary key,
    order_id             uuid        not null,
    sku                  varchar(100),
    ordered_qty          integer,
    -- RESERVED (all from stock), BACKORDERED (some or all waits for supply) or REJECTED
    outcome              varchar(20),
    rejection_reason     varchar(40),
    location_id          varchar(100),
    decided_at           timestamptz,
    backordered_qty      integer     not null default 0,
    backorder_open       integer     not null default 0,
    first_promise        date,
    promise              date,
    promise_changes      integer     not null default 0,
    backorder_cleared_at timestamptz,
    -- units held from stock on hand: reserved at order time plus allocated from receipts
    reserved_units       integer     not null default 0,
    allocated_units      integer     not null default 0,
    released_reserved    integer     not null default 0,
    shipped_units        integer     not null default 0,
    shipped_at           timestamptz,
    cancelled_at         timestamptz,
    cancelled_for_delay  boolean     not null default false,
    refunded_amount      numeric(14, 2) not null default 0
);

create index line_fact_sku on line_fact (sku);
create index line_fact_order on line_fact (order_id);

create table offer_fact (
    offer_id         uuid primary key,
    order_id         uuid         not null,
    line_id          uuid         not null,
    sku              varchar(100) not null,
    options          varchar(200) not null,
    fallback         varchar(40)  not null,
    made_at          timestamptz  not null,
    expires_at       timestamptz  not null,
    settled_at       timestamptz,
    chosen           varchar(40),
    answered         boolean,
    consolation      varchar(40),
    consolation_cost numeric(14, 2),
    currency         varchar(3)
);

create table purchase_line_fact (
    purchase_order_line_id varchar(100) primary key,
    purchase_order_id      varchar(100) not null,
    supplier_id            varchar(100) not null,
    sku                    varchar(100) not null,
    location_id            varchar(100),
    quantity               integer      not null,
    first_expected         date,
    expected               date,
    received_qty           integer      not null default 0,
    cancelled              boolean      not null default false
);

create index purchase_line_fact_sku on purchase_line_fact (sku);

create table eta_change_fact (
    message_id             uuid primary key,
    purchase_order_line_id varchar(100) not null,
    supplier_id            varchar(100) not null,
    sku                    varchar(100) not null,
    previous_eta           date,
    new_eta                date         not null,
    changed_at             timestamptz  not null
);

create table forecast_fact (
    sku                varchar(100) primary key,
    starts             date             not null,
    daily              text             not null,
    available_quantity integer,
    method             varchar(40)      not null,
    made_at            timestamptz      not null
);

create table contact_click_fact (
    message_id   uuid primary key,
    order_id     uuid,
    via          varchar(20)  not null,
    message_kind varchar(40),
    clicked_at   timestamptz  not null
);
