-- A supplier's id is the supplier_id claim of its bearer tokens.
create table supplier (
    id            varchar(64)  primary key,
    name          varchar(200) not null,
    contact_email varchar(254),
    active        boolean      not null default true,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    version       integer      not null default 0
);

-- The terms a supplier sells one SKU on. Periods of one supplier and SKU never overlap (checked by the service
-- under a lock on the supplier row), so exactly one agreement applies on any day.
create table agreement (
    id                       uuid          primary key,
    supplier_id              varchar(64)   not null references supplier,
    sku                      varchar(64)   not null,
    currency                 char(3)       not null,
    unit_price               numeric(12, 4) not null constraint agreement_unit_price check (unit_price >= 0),
    -- JSON [{"minQuantity": 100, "unitPrice": 9.50}, ...]: increasing quantities, non-increasing prices. Lists are
    -- stored as JSON text: the reactive client cannot map a jsonb array to an entity attribute.
    price_breaks             text          not null default '[]',
    lead_time_days           integer       not null constraint agreement_lead_time check (lead_time_days >= 0),
    min_order_quantity       integer       not null default 1 constraint agreement_moq check (min_order_quantity >= 1),
    pack_size                integer       not null default 1 constraint agreement_pack check (pack_size >= 1),
    -- Freight and handling charged per purchase order: part of the landed cost.
    order_cost               numeric(12, 2) not null default 0 constraint agreement_order_cost check (order_cost >= 0),
    valid_from               date          not null,
    valid_to                 date,
    urgent_lead_time_days    integer,
    urgent_surcharge_percent numeric(7, 2),
    dropship                 boolean       not null default false,
    dropship_lead_time_days  integer,
    dropship_fee             numeric(12, 2),
    created_at               timestamptz   not null default now(),
    updated_at               timestamptz   not null default now(),
    version                  integer       not null default 0,
    constraint agreement_period check (valid_to is null or valid_to >= valid_from),
    constraint agreement_urgent_clause check ((urgent_lead_time_days is null) = (urgent_surcharge_percent is null)
        and (urgent_lead_time_days is null or (urgent_lead_time_days >= 0 and urgent_lead_time_days < lead_time_days
            and urgent_surcharge_percent >= 0))),
    constraint agreement_dropship check (dropship = (dropship_lead_time_days is not null)
        and (dropship_lead_time_days is null or dropship_lead_time_days >= 0)
        and (dropship or dropship_fee is null)),
    constraint agreement_once_per_start unique (supplier_id, sku, valid_from)
);

create index agreement_by_sku on agreement (sku, valid_from);

create sequence purchase_order_number;

create table purchase_order (
    id           varchar(32)  primary key,
    supplier_id  varchar(64)  not null references supplier,
    kind         varchar(20)  not null constraint purchase_order_kind check (kind in ('STOCK', 'DROPSHIP')),
    status       varchar(20)  not null constraint purchase_order_status check (status in
        ('ISSUED', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'RECEIVED', 'CLOSED', 'CANCELLED')),
    -- The warehouse to deliver to; null for a dropship order, which goes to the customer of order_id.
    location_id  varchar(32),
    order_id     uuid,
    order_line_id uuid,
    currency     char(3)      not null,
    issued_at    timestamptz  not null,
    confirmed_at timestamptz,
    updated_at   timestamptz  not null,
    version      integer      not null default 0,
    constraint purchase_order_destination check ((kind = 'STOCK') = (location_id is not null)
        and (kind = 'DROPSHIP') = (order_line_id is not null))
);

create index purchase_order_by_supplier on purchase_order (supplier_id, issued_at desc);
create index purchase_order_by_status on purchase_order (status, issued_at desc);

create table purchase_order_line (
    id                varchar(40)    primary key,
    purchase_order_id varchar(32)    not null references purchase_order,
    supplier_id       varchar(64)    not null,
    line_number       integer        not null,
    -- A dropship line is complete once shipped: it goes to the customer, not through a warehouse.
    dropship          boolean        not null default false,
    sku               varchar(64)    not null,
    agreement_id      uuid           references agreement,
    quantity          integer        not null constraint purchase_order_line_quantity check (quantity > 0),
    unit_price        numeric(12, 4) not null,
    urgent            boolean        not null default false,
    -- The replenishment request or backordered order line this line serves; an alternative supplier for it
    -- excludes every supplier that already declined it or slipped.
    demand_id         varchar(64)    not null,
    need_by           date           not null,
    expected_date     date           not null,
    eta               date           not null,
    eta_confirmed     boolean        not null default false,
    -- The first ETA the supplier committed to: on-time statistics measure against it.
    promised_date     date,
    shipped           integer        not null default 0,
    received          integer        not null default 0,
    cancelled         integer        not null default 0,
    cancel_cause      varchar(20)    constraint purchase_order_line_cancel_cause check (cancel_cause in
        ('DECLINED', 'SLIPPED', 'BUYER')),
    status            varchar(20)    not null constraint purchase_order_line_status check (status in
        ('ISSUED', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'RECEIVED', 'CANCELLED')),
    issued_on         date           not null,
    last_delivered_on date,
    settled_on        date,
    constraint purchase_order_line_number unique (purchase_order_id, line_number),
    constraint purchase_order_line_units check (shipped >= 0 and received >= 0 and cancelled >= 0
        and shipped + cancelled <= quantity)
);

create index purchase_order_line_by_order on purchase_order_line (purchase_order_id, line_number);
create index purchase_order_line_by_demand on purchase_order_line (demand_id);
create index purchase_order_line_settled on purchase_order_line (supplier_id, settled_on) where settled_on is not null;

-- Every ETA a line ever had, with who set it and why.
create sequence eta_change_id_seq increment by 50;

create table eta_change (
    id                     bigint       primary key,
    purchase_order_line_id varchar(40)  not null references purchase_order_line,
    kind                   varchar(20)  not null constraint eta_change_kind check (kind in ('ISSUED', 'CONFIRMED', 'CHANGED')),
    previous_eta           date,
    new_eta                date         not null,
    reason                 varchar(500),
    changed_by             varchar(100) not null,
    changed_at             timestamptz  not null
);

create index eta_change_by_line on eta_change (purchase_order_line_id, id);

create table shipment (
    id                uuid         primary key,
    purchase_order_id varchar(32)  not null references purchase_order,
    tracking_number   varchar(100) not null,
    carrier           varchar(100),
    shipped_on        date         not null,
    advised_by        varchar(100) not null,
    advised_at        timestamptz  not null
);

create index shipment_by_order on shipment (purchase_order_id);

create sequence shipment_line_id_seq increment by 50;

create table shipment_line (
    id                     bigint      primary key,
    shipment_id            uuid        not null references shipment,
    purchase_order_line_id varchar(40) not null references purchase_order_line,
    quantity               integer     not null constraint shipment_line_quantity check (quantity > 0),
    constraint shipment_line_once unique (shipment_id, purchase_order_line_id)
);

-- Warehouse receipts reported by inventory, one row per receipt line. A receipt with several lines shares one
-- receipt id; receipt id, SKU and the line inventory named make a re-sent receipt line count once.
create table goods_receipt (
    id                     uuid         primary key,
    receipt_id             uuid         not null,
    receipt_key            varchar(200) not null constraint goods_receipt_once unique,
    purchase_order_id      varchar(32) not null references purchase_order,
    purchase_order_line_id varchar(40) not null references purchase_order_line,
    sku                    varchar(64) not null,
    location_id            varchar(32),
    quantity               integer     not null constraint goods_receipt_quantity check (quantity > 0),
    received_on            date        not null,
    recorded_at            timestamptz not null
);

create index goods_receipt_by_order on goods_receipt (purchase_order_id);

-- The supply terms last told to inventory's replenishment planner, per SKU: a change is published once.
create table supply_terms (
    sku                    varchar(64)   primary key,
    supplier_id            varchar(64)   not null,
    agreement_id           uuid          not null,
    lead_time_mean_days    numeric(8, 2) not null,
    lead_time_std_dev_days numeric(8, 2) not null,
    min_order_quantity     integer       not null,
    pack_size              integer       not null,
    published_at           timestamptz   not null
);

-- The latest forecast of end-customer demand per SKU from inventory, shared with the SKU's suppliers.
create table demand_forecast (
    sku            varchar(64)   primary key,
    from_date      date          not null,
    daily_forecast text          not null,
    method         varchar(100),
    holdout_mae    double precision,
    holdout_bias   double precision,
    -- when inventory made it: an older forecast arriving late never replaces a newer one
    made_at        timestamptz   not null
);

-- Every sourcing decision with the offers it weighed and why it went the way it did.
create table supplier_choice (
    id                uuid           primary key,
    kind              varchar(40)    not null constraint supplier_choice_kind check (kind in
        ('REPLENISHMENT', 'DROPSHIP', 'ALTERNATIVE_AFTER_DECLINE', 'ALTERNATIVE_AFTER_SLIP')),
    demand_id         varchar(64)    not null,
    sku               varchar(64)    not null,
    location_id       varchar(32),
    quantity          integer        not null,
    need_by           date,
    urgent            boolean        not null default false,
    explanation       varchar(2000),
    order_id          uuid,
    order_line_id     uuid,
    outcome           varchar(30)    not null constraint supplier_choice_outcome check (outcome in
        ('PURCHASE_ORDER_ISSUED', 'DROPSHIP_ARRANGED', 'NO_AGREEMENT', 'KEPT_WAITING', 'KEPT_CURRENT')),
    agreement_id      uuid,
    supplier_id       varchar(64),
    mode              varchar(20),
    order_quantity    integer,
    expected_date     date,
    landed_cost       numeric(14, 2),
    base_currency     char(3)        not null,
    purchase_order_id varchar(32),
    replaces_line_id  varchar(40),
    -- JSON text: a list of sentences, and every offer weighed with its numbers
    reasons           text           not null,
    offers            text           not null,
    decided_at        timestamptz    not null
);

-- A replenishment request or a backordered line is decided once, however often its event is re-sent.
create unique index supplier_choice_once on supplier_choice (kind, demand_id) where kind in ('REPLENISHMENT', 'DROPSHIP');
create index supplier_choice_by_sku on supplier_choice (sku, decided_at desc);
create index supplier_choice_recent on supplier_choice (decided_at desc);

-- Responses of requests sent with an Idempotency-Key, per caller: a retry gets the first response, unchanged.
create table idempotency_key (
    scope          varchar(120) not null,
    key            varchar(200) not null,
    operation      varchar(100) not null,
    request_hash   varchar(64)  not null,
    response       text,
    created_at     timestamptz  not null default now(),
    primary key (scope, key)
);

create index idempotency_key_age on idempotency_key (created_at);
