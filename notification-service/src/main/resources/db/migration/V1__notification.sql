-- The latest snapshot of each order the saga told us about, and how to reach its customer.
create table customer_order (
    order_id                 uuid          primary key,
    customer_id              varchar(100)  not null,
    order_reference          varchar(100),
    email                    varchar(320),
    phone                    varchar(32),
    locale                   varchar(35),
    email_opt_in             boolean       not null,
    sms_opt_in               boolean       not null,
    snapshot                 text          not null,
    snapshot_at              timestamptz   not null,
    notified_promises        text,
    payment_update_requested boolean       not null default false,
    updated_at               timestamptz   not null,
    version                  integer       not null default 0
);

create index customer_order_by_customer on customer_order (customer_id);

create table offer (
    offer_id       uuid        primary key,
    order_id       uuid        not null references customer_order,
    snapshot       text        not null,
    expires_at     timestamptz not null,
    default_option varchar(30) not null,
    status         varchar(20) not null
        constraint offer_status check (status in ('OPEN', 'DECIDED', 'EXPIRED', 'WITHDRAWN')),
    created_at     timestamptz not null,
    closed_at      timestamptz,
    version        integer     not null default 0
);

create index offer_by_order on offer (order_id, created_at);

-- One business message per de-duplication key, whatever became of it.
create table notification (
    id                uuid         primary key,
    order_id          uuid         not null references customer_order,
    kind              varchar(40)  not null,
    deduplication_key varchar(200) not null
        constraint notification_once_per_key unique,
    status            varchar(20)  not null
        constraint notification_status check (status in
            ('SCHEDULED', 'SENDING', 'DELIVERED', 'FAILED', 'SUPPRESSED', 'COALESCED')),
    reason            varchar(30),
    coalesced_into    uuid         references notification,
    offer_id          uuid,
    actions           varchar(200) not null,
    cause_id          varchar(100),
    due_at            timestamptz  not null,
    gated_at          timestamptz,
    completed_at      timestamptz,
    promises_shown    text,
    created_at        timestamptz  not null,
    version           integer      not null default 0,
    constraint notification_suppressed_has_reason check ((status = 'SUPPRESSED') = (reason is not null))
);

create index notification_due on notification (due_at) where status = 'SCHEDULED';
create index notification_by_order on notification (order_id, created_at);

create table delivery (
    id                  uuid          primary key,
    notification_id     uuid          not null references notification,
    channel             varchar(10)   not null constraint delivery_channel check (channel in ('EMAIL', 'SMS')),
    recipient           varchar(320)  not null,
    status              varchar(10)   not null constraint delivery_status check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts            integer       not null default 0,
    next_attempt_at     timestamptz,
    lease_until         timestamptz,
    last_error          varchar(1000),
    provider_message_id varchar(100),
    sent_at             timestamptz,
    created_at          timestamptz   not null,
    version             integer       not null default 0,
    constraint delivery_once_per_channel unique (notification_id, channel)
);

-- The dispatcher only ever looks for pending deliveries that are due.
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';

create table delivery_attempt (
    id          bigint generated always as identity primary key,
    delivery_id uuid          not null references delivery,
    attempt     integer       not null,
    started_at  timestamptz   not null,
    finished_at timestamptz,
    outcome     varchar(10)   constraint delivery_attempt_outcome check (outcome in ('SENT', 'FAILED')),
    retryable   boolean,
    error       varchar(1000),
    constraint delivery_attempt_once unique (delivery_id, attempt)
);

-- Customer links, stored only as the SHA-256 hash of their token.
create table link_token (
    id              uuid         primary key,
    token_hash      bytea        not null constraint link_token_hash_unique unique,
    order_id        uuid         not null references customer_order,
    actions         varchar(200) not null,
    notification_id uuid         references notification,
    issued_at       timestamptz  not null,
    expires_at      timestamptz  not null,
    revoked_at      timestamptz
);

-- A link is single use per action: the primary key makes a second use impossible, even in parallel.
create table link_token_use (
    token_id uuid        not null references link_token,
    action   varchar(40) not null,
    used_at  timestamptz not null,
    primary key (token_id, action)
);

create table customer_decision (
    decision_id     uuid           primary key,
    offer_id        uuid           not null references offer constraint customer_decision_once_per_offer unique,
    order_id        uuid           not null references customer_order,
    token_id        uuid           not null references link_token,
    option          varchar(30)    not null,
    option_index    integer        not null,
    line_id         uuid,
    alternative_sku varchar(64),
    amount          numeric(14, 2),
    decided_at      timestamptz    not null
);

create table payment_method_change (
    id           uuid         primary key,
    order_id     uuid         not null references customer_order,
    token_id     uuid         not null references link_token,
    reference    varchar(100) not null,
    submitted_at timestamptz  not null
);

create table customer_preference (
    customer_id   varchar(100) primary key,
    email_enabled boolean      not null,
    sms_enabled   boolean      not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(100) not null
);

create table contact_click (
    id         bigint generated always as identity primary key,
    order_id   uuid,
    via        varchar(10) not null,
    kind       varchar(40),
    clicked_at timestamptz not null
);

create index contact_click_at on contact_click (clicked_at);

-- What the sandbox SMS provider accepted: the local stack's and the tests' view of sent SMS.
create table sms_sandbox_message (
    sid         varchar(40) primary key,
    to_number   varchar(32) not null,
    from_number varchar(32) not null,
    body        text        not null,
    status      varchar(20) not null,
    error_code  integer,
    created_at  timestamptz not null
);

create index sms_sandbox_message_by_to on sms_sandbox_message (to_number, created_at);
