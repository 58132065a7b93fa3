-- Orders and the state of their saga. The order row is the saga: every step locks it, bumps its version and
-- changes its children in the same transaction. Children reference each other by id only (no foreign keys between
-- siblings) so that Hibernate may insert them in any order within a step.

create table orders (
    id                      uuid          primary key,
    platform                varchar(100)  not null,
    reference               varchar(100)  not null,
    status                  varchar(20)   not null
        constraint orders_status check (status in ('RESERVING', 'OPEN', 'COMPLETED', 'CANCELLING', 'CANCELLED', 'REJECTED')),
    currency                char(3)       not null,
    ship_complete           boolean       not null,
    customer_id             varchar(100)  not null,
    customer_tier           varchar(20)   not null,
    customer_locale         varchar(20)   not null,
    customer_email          varchar(320),
    customer_phone          varchar(32),
    email_opt_in            boolean       not null,
    sms_opt_in              boolean       not null,
    latest_acceptable_date  date,
    payment_method          varchar(200)  not null,
    payment_method_status   varchar(20)   not null,
    payment_action          varchar(30),
    payment_action_deadline timestamptz,
    attention               varchar(1000),
    cancel_reason           varchar(500),
    placed_at               timestamptz   not null,
    updated_at              timestamptz   not null,
    steps                   bigint        not null default 0,
    version                 integer       not null default 0
);

create index orders_by_status on orders (status, placed_at);
create index orders_by_platform on orders (platform, placed_at);

create table order_line (
    id                  uuid           primary key,
    order_id            uuid           not null references orders,
    seq                 integer        not null,
    sku                 varchar(64)    not null,
    description         varchar(300),
    quantity            integer        not null constraint order_line_quantity check (quantity > 0),
    unit_price          numeric(12, 2) not null constraint order_line_price check (unit_price >= 0),
    state               varchar(20)    not null,
    reserved            integer        not null default 0,
    allocated           integer        not null default 0,
    backordered         integer        not null default 0,
    dropship            integer        not null default 0,
    shipped             integer        not null default 0,
    shipped_from_stock  integer        not null default 0,
    backorder_kind      varchar(20),
    promise_date        date,
    first_promise_date  date,
    offer_baseline_date date,
    confidence          varchar(10),
    promise_history     varchar(2000),
    rejection_reason    varchar(40),
    substitute_for      uuid,
    substituted_by      uuid,
    discount            numeric(12, 2) not null default 0,
    hold_id             uuid,
    stock_released      boolean        not null default false,
    cancellation_notified boolean      not null default false,
    cancel_reason       varchar(500),
    -- what inventory was told when the line's stock was released (its delay reasons count as lost demand)
    release_reason      varchar(500),
    created_at          timestamptz    not null,
    constraint order_line_units check (reserved >= 0 and backordered >= 0 and dropship >= 0 and allocated >= 0
        and shipped >= 0 and shipped_from_stock >= 0 and shipped <= quantity and allocated <= reserved),
    constraint order_line_discount check (discount >= 0 and discount <= unit_price * quantity)
);

create index order_line_by_order on order_line (order_id, seq);

-- An authorization (hold) at the payment provider covering the uncaptured amount of one or more lines.
create table payment_hold (
    id             uuid           primary key,
    order_id       uuid           not null references orders,
    seq            integer        not null,
    status         varchar(20)    not null,
    amount         numeric(12, 2) not null constraint payment_hold_amount check (amount > 0),
    captured       numeric(12, 2) not null default 0,
    capturing      numeric(12, 2) not null default 0,
    payment_method varchar(200)   not null,
    provider_ref   varchar(200),
    expires_at     timestamptz,
    replaces       uuid,
    purpose        varchar(60)    not null,
    failure        varchar(500),
    created_at     timestamptz    not null,
    -- never capture more than was authorized
    constraint payment_hold_captures check (captured >= 0 and capturing >= 0 and captured + capturing <= amount)
);

create table shipment (
    id           uuid         primary key,
    order_id     uuid         not null references orders,
    seq          integer      not null,
    external_id  varchar(100) not null,
    status       varchar(20)  not null,
    created_at   timestamptz  not null,
    confirmed_at timestamptz,
    constraint shipment_once unique (order_id, external_id)
);

create table shipment_line (
    id          uuid           primary key,
    order_id    uuid           not null references orders,
    seq         integer        not null,
    shipment_id uuid           not null,
    line_id     uuid           not null,
    quantity    integer        not null constraint shipment_line_quantity check (quantity > 0),
    amount      numeric(12, 2) not null constraint shipment_line_amount check (amount >= 0),
    capture_id  uuid,
    cancelled   boolean        not null default false
);

create table payment_capture (
    id               uuid           primary key,
    order_id         uuid           not null references orders,
    seq              integer        not null,
    shipment_id      uuid           not null,
    shipment_line_id uuid           not null,
    line_id          uuid           not null,
    hold_id          uuid,
    amount           numeric(12, 2) not null,
    refunded         numeric(12, 2) not null default 0,
    refunding        numeric(12, 2) not null default 0,
    status           varchar(20)    not null,
    provider_ref     varchar(200),
    failure          varchar(500),
    created_at       timestamptz    not null,
    -- never refund more than was captured
    constraint payment_capture_refunds check (amount >= 0 and refunded >= 0 and refunding >= 0
        and refunded + refunding <= amount)
);

create table payment_refund (
    id           uuid           primary key,
    order_id     uuid           not null references orders,
    seq          integer        not null,
    capture_id   uuid           not null,
    line_id      uuid           not null,
    amount       numeric(12, 2) not null constraint payment_refund_amount check (amount > 0),
    status       varchar(20)    not null,
    provider_ref varchar(200),
    reason       varchar(500),
    failure      varchar(500),
    created_at   timestamptz    not null
);

create table offer (
    id             uuid          primary key,
    order_id       uuid          not null references orders,
    seq            integer       not null,
    line_id        uuid          not null,
    status         varchar(20)   not null,
    reason         varchar(500)  not null,
    options        text,
    default_option varchar(30),
    expires_at     timestamptz,
    reminded       boolean       not null default false,
    decision_id    uuid,
    chosen_option  varchar(30),
    chosen_sku     varchar(64),
    voucher_code   varchar(40),
    created_at     timestamptz   not null,
    closed_at      timestamptz
);

-- Calls to the payment provider, written by saga steps and executed by the payment worker. The id is the
-- idempotency key at the provider: a call repeated after a crash gets the provider's first answer again.
create table payment_operation (
    id             uuid           primary key,
    seq            bigint         generated always as identity,
    order_id       uuid           not null,
    kind           varchar(20)    not null,
    target_id      uuid           not null,
    amount         numeric(12, 2),
    currency       char(3)        not null,
    payment_method varchar(200),
    provider_ref   varchar(200),
    status         varchar(20)    not null,
    attempts       integer        not null default 0,
    not_before     timestamptz    not null,
    lease_until    timestamptz,
    last_error     varchar(1000),
    outcome        varchar(1000),
    created_at     timestamptz    not null,
    completed_at   timestamptz
);

create index payment_operation_pending on payment_operation (not_before) where status = 'PENDING';
create index payment_operation_by_order on payment_operation (order_id);

-- Deadlines of sagas (offer reminder and expiry, re-authorization, payment method update). Claimed by the
-- scheduler with FOR UPDATE SKIP LOCKED and a lease, so replicas share them and a crashed claim is taken again.
create table saga_deadline (
    id           uuid         primary key,
    order_id     uuid         not null,
    kind         varchar(30)  not null,
    reference_id uuid         not null,
    due_at       timestamptz  not null,
    status       varchar(20)  not null,
    attempts     integer      not null default 0,
    lease_until  timestamptz,
    last_error   varchar(1000),
    created_at   timestamptz  not null,
    fired_at     timestamptz
);

create index saga_deadline_due on saga_deadline (due_at) where status = 'PENDING';
create index saga_deadline_by_order on saga_deadline (order_id) where status = 'PENDING';

-- What happened to an order and why; also the events platforms subscribe to with webhooks.
create table timeline_entry (
    id       bigint        generated always as identity primary key,
    event_id uuid          not null unique,
    order_id uuid          not null,
    at       timestamptz   not null,
    type     varchar(60)   not null,
    line_id  uuid,
    detail   varchar(1000) not null
);

create index timeline_by_order on timeline_entry (order_id, id);

-- POST /orders with an Idempotency-Key: the first response is stored and replayed; keys are per platform.
create table idempotency_record (
    platform        varchar(100) not null,
    idempotency_key varchar(255) not null,
    request_hash    char(64)     not null,
    order_id        uuid,
    status_code     integer,
    response        text,
    created_at      timestamptz  not null,
    primary key (platform, idempotency_key)
);

create table webhook_subscription (
    id         uuid          primary key,
    platform   varchar(100)  not null,
    url        varchar(2000) not null,
    events     varchar(1000) not null,
    secret     varchar(100)  not null,
    created_at timestamptz   not null
);

create index webhook_subscription_by_platform on webhook_subscription (platform);

create table webhook_delivery (
    id               uuid          primary key,
    subscription_id  uuid          not null references webhook_subscription on delete cascade,
    event_id         uuid          not null,
    event_type       varchar(60)   not null,
    payload          text          not null,
    status           varchar(20)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    lease_until      timestamptz,
    last_status_code integer,
    last_error       varchar(1000),
    created_at       timestamptz   not null,
    delivered_at     timestamptz
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, created_at);

-- The built-in sandbox payment provider keeps its state here, so it survives restarts and serves replicas.
create table sandbox_intent (
    id             varchar(64)    primary key,
    payment_method varchar(200)   not null,
    currency       char(3)        not null,
    amount         numeric(12, 2) not null,
    captured       numeric(12, 2) not null default 0,
    refunded       numeric(12, 2) not null default 0,
    status         varchar(20)    not null,
    expires_at     timestamptz    not null,
    created_at     timestamptz    not null,
    constraint sandbox_intent_money check (captured >= 0 and captured <= amount and refunded >= 0
        and refunded <= captured)
);

create table sandbox_request (
    idempotency_key varchar(255)   primary key,
    operation       varchar(20)    not null,
    fingerprint     varchar(500)   not null,
    outcome         varchar(20),
    reference       varchar(64),
    expires_at      timestamptz,
    code            varchar(64),
    message         varchar(500),
    created_at      timestamptz    not null
);
