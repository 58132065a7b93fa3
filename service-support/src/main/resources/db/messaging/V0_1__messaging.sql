-- Messaging tables every service owns in its own database. Versioned 0.x so they always sort before the
-- service's own migrations (db/migration, V1 and up).

create table outbox_message (
    sequence       bigint generated always as identity primary key,
    message_id     uuid         not null,
    destination    varchar(200) not null,
    type           varchar(100) not null,
    correlation_id varchar(100),
    body           text         not null,
    created_at     timestamptz  not null default now(),
    sent_at        timestamptz,
    attempts       integer      not null default 0,
    last_error     varchar(1000),
    constraint outbox_message_once_per_destination unique (message_id, destination)
);

-- The relay only ever looks for unsent rows, oldest first.
create index outbox_message_unsent on outbox_message (sequence) where sent_at is null;

create table processed_message (
    message_id   uuid         primary key,
    type         varchar(100) not null,
    processed_at timestamptz  not null default now()
);
