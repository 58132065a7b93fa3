-- Issue 3: supply from purchase orders, priority allocation of received goods, shipments, receipts, demand history.

-- --- Order lines: what the allocation priority needs, dropshipping, and the first outcome for idempotent replies ---
alter table order_line
    add column customer_id            varchar(100),
    add column latest_acceptable_date date,
    add column dropshipped            integer not null default 0,
    add column first_confidence       varchar(10),
    -- The outcome first replied to ReserveStock; a retried command gets exactly this again.
    add column initial_reserved       integer not null default 0,
    add column initial_backordered    integer not null default 0,
    -- Arrival order: first-come first-served among lines with equal priority and order time.
    add column queue_seq              bigint generated always as identity,
    -- The priority score and its parts at the line's last allocation (the queue endpoint shows live values).
    add column score_total            numeric(8, 2),
    add column score_tier             numeric(8, 2),
    add column score_value            numeric(8, 2),
    add column score_age              numeric(8, 2),
    add column score_slip             numeric(8, 2),
    add column scored_at              timestamptz;

update order_line set initial_reserved = reserved + shipped, initial_backordered = backordered,
    first_confidence = confidence;

alter table order_line drop constraint order_line_status;
alter table order_line add constraint order_line_status
    check (status in ('RESERVED', 'BACKORDERED', 'REJECTED', 'RELEASED', 'SHIPPED', 'DROPSHIPPED'));
alter table order_line drop constraint order_line_units;
alter table order_line add constraint order_line_units
    check (reserved >= 0 and backordered >= 0 and shipped >= 0 and dropshipped >= 0 and allocated >= 0
        and reserved + backordered + shipped + dropshipped <= quantity);
-- A line waits for supply exactly when it is BACKORDERED; closed lines hold nothing.
alter table order_line add constraint order_line_waiting_status
    check ((backordered > 0) = (status = 'BACKORDERED'));
alter table order_line add constraint order_line_closed_holds_nothing
    check (status not in ('REJECTED', 'RELEASED', 'SHIPPED', 'DROPSHIPPED') or (reserved = 0 and backordered = 0));

-- The fulfilment backlog: lines with reserved units not shipped yet.
create index order_line_backlog on order_line (sku) where reserved > 0;

-- Where a line's reserved units lie. A line reserved at one warehouse can be completed from goods received at
-- another, so a line may hold units at several locations; order_line.reserved is their sum.
create table line_reservation (
    line_id     uuid        not null references order_line on delete cascade,
    location_id varchar(32) not null references location,
    units       integer     not null constraint line_reservation_units check (units > 0),
    primary key (line_id, location_id)
);

insert into line_reservation (line_id, location_id, units)
select line_id, location_id, reserved from order_line where reserved > 0 and location_id is not null;

-- --- Inbound supply: who supplies it and why it went away ---
alter table inbound_supply
    add column supplier_id   varchar(64),
    add column cancel_reason varchar(200),
    add column updated_at    timestamptz not null default now();

-- --- Warehouse receipts ---
create table receipt (
    id              uuid         primary key,
    location_id     varchar(32)  not null references location,
    idempotency_key varchar(100) unique,
    -- SHA-256 of the request, to tell a retried request from a different one reusing the key
    request_hash    varchar(64)  not null,
    note            varchar(500),
    received_by     varchar(100),
    created_at      timestamptz  not null default now()
);

create table receipt_line (
    receipt_id             uuid        not null references receipt,
    line_no                integer     not null,
    sku                    varchar(64) not null references sku,
    quantity               integer     not null constraint receipt_line_quantity check (quantity > 0),
    purchase_order_line_id varchar(64),
    primary key (receipt_id, line_no)
);

-- --- Allocations: every unit given to a waiting line, with the priority that decided it ---
create table allocation (
    id          bigint generated always as identity primary key,
    line_id     uuid          not null references order_line,
    order_id    uuid          not null,
    sku         varchar(64)   not null,
    location_id varchar(32)   not null,
    units       integer       not null constraint allocation_units check (units > 0),
    cause       varchar(20)   not null
        constraint allocation_cause check (cause in ('RECEIPT', 'RELEASE', 'ADJUSTMENT', 'IMPORT', 'RESERVATION')),
    cause_ref   varchar(100),
    score_total numeric(8, 2) not null,
    score_tier  numeric(8, 2) not null,
    score_value numeric(8, 2) not null,
    score_age   numeric(8, 2) not null,
    score_slip  numeric(8, 2) not null,
    explanation varchar(1000) not null,
    created_at  timestamptz   not null default now()
);

create index allocation_by_line on allocation (line_id);
create index allocation_by_cause on allocation (cause, cause_ref);

-- --- Shipments of reserved units; the key makes ShipReservedStock idempotent per shipment and line ---
create table shipment (
    shipment_id varchar(100) not null,
    line_id     uuid         not null references order_line,
    sku         varchar(64)  not null,
    quantity    integer      not null constraint shipment_quantity check (quantity > 0),
    created_at  timestamptz  not null default now(),
    primary key (shipment_id, line_id)
);

-- --- Demand history for replenishment planning, per SKU and day, written with the change that caused it ---
create table demand_day (
    sku                   varchar(64) not null references sku,
    day                   date        not null,
    -- units ordered that day (reserved, backordered and rejected alike)
    ordered_units         integer     not null default 0,
    -- of those, units that had to wait for supply
    backordered_units     integer     not null default 0,
    -- of those, units refused (out of stock, over the backorder cap): demand the shop lost
    rejected_units        integer     not null default 0,
    -- units released that day because the customer would not wait any longer for us
    cancelled_delay_units integer     not null default 0,
    -- units released that day for any other reason
    cancelled_other_units integer     not null default 0,
    primary key (sku, day),
    constraint demand_day_units check (ordered_units >= 0 and backordered_units >= 0 and rejected_units >= 0
        and cancelled_delay_units >= 0 and cancelled_other_units >= 0)
);
