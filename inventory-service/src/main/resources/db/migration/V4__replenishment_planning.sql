-- Issue 7: the replenishment planner. Suggestions per SKU with their full explanation, and when each SKU is planned.

-- The class a SKU is planned in (A, B, C, ...): it picks the target service level from the configuration.
alter table sku add column planning_class varchar(16);

-- When each SKU is planned next. Every SKU is due once per planning period; a change to its demand (a reservation,
-- a backorder, a refusal, a release) makes it due at once. Replicas claim due rows with FOR UPDATE SKIP LOCKED and
-- a lease, so no SKU is planned by two replicas at the same time and a claim lost in a crash is taken again.
create table sku_planning (
    sku                varchar(64)   primary key references sku on delete cascade,
    due_at             timestamptz   not null,
    due_reason         varchar(200),
    lease_until        timestamptz,
    last_planned_at    timestamptz,
    last_error         varchar(1000),
    -- the forecast last shared with suppliers (method and rounded values): shared again only when it changes
    published_forecast varchar(4000)
);

create index sku_planning_due on sku_planning (due_at);

insert into sku_planning (sku, due_at, due_reason) select sku, now(), 'planner introduced' from sku;

-- A new SKU is due for planning at once, however it was created (API, CSV import).
create function sku_planning_for_new_sku() returns trigger language plpgsql as $$
begin
    insert into sku_planning (sku, due_at, due_reason) values (new.sku, now(), 'new SKU') on conflict do nothing;
    return new;
end;
$$;

create trigger sku_planning_for_new_sku after insert on sku
    for each row execute function sku_planning_for_new_sku();

-- One replenishment suggestion: what the planner proposes to buy and every number that led to it.
create table replenishment_suggestion (
    id                      uuid          primary key,
    sku                     varchar(64)   not null references sku,
    location_id             varchar(32)   not null references location,
    state                   varchar(20)   not null
        constraint replenishment_state check (state in ('PROPOSED', 'REQUESTED', 'ORDERED', 'EXPIRED', 'DISMISSED',
            'SUPERSEDED')),
    -- what is (or will be) requested, and what the planner computed before any operator change
    quantity                integer       not null constraint replenishment_quantity check (quantity > 0),
    suggested_quantity      integer       not null constraint replenishment_suggested check (suggested_quantity > 0),
    urgent                  boolean       not null,
    need_by                 date          not null,
    pinned_supplier_id      varchar(64),
    -- the forecast
    forecast_method         varchar(40)   not null,
    forecast_daily          numeric(14, 4) not null,
    daily_forecast          varchar(4000) not null,
    demand_std_dev          numeric(14, 4) not null,
    holdout_mae             numeric(14, 4) not null,
    holdout_bias            numeric(14, 4) not null,
    history_days            integer       not null,
    -- supply terms and service level
    supplier_id             varchar(64),
    lead_time_mean_days     numeric(8, 2) not null,
    lead_time_std_dev_days  numeric(8, 2) not null,
    minimum_order_quantity  integer       not null,
    pack_size               integer       not null,
    planning_class          varchar(16),
    service_level           numeric(6, 4) not null,
    -- the policy
    lead_time_demand        numeric(14, 2) not null,
    safety_stock            numeric(14, 2) not null,
    reorder_point           numeric(14, 2) not null,
    on_hand                 integer       not null,
    inbound                 integer       not null,
    reserved                integer       not null,
    backordered             integer       not null,
    inventory_position      integer       not null,
    review_period_days      integer       not null,
    review_period_demand    numeric(14, 2) not null,
    gap                     numeric(14, 2) not null,
    smoothing               numeric(8, 2) not null,
    raw_quantity            numeric(14, 2) not null,
    explanation             varchar(2000) not null,
    -- the life of the suggestion
    trigger                 varchar(200)  not null,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    changed_by              varchar(100),
    approved_by             varchar(100),
    requested_at            timestamptz,
    purchase_order_id       varchar(64),
    ordered_at              timestamptz,
    closed_reason           varchar(500),
    superseded_by           uuid,
    version                 integer       not null default 0
);

-- At most one open suggestion per SKU: a planning run never duplicates one, even when two runs race.
create unique index replenishment_one_open on replenishment_suggestion (sku)
    where state in ('PROPOSED', 'REQUESTED');
create index replenishment_by_state on replenishment_suggestion (state, created_at);
create index replenishment_by_sku on replenishment_suggestion (sku, created_at);
