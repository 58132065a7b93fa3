-- The supply terms the replenishment planner plans with, per SKU, as supplier-service last published them.
create table supply_terms (
    sku                    varchar(64)   primary key references sku,
    supplier_id            varchar(64)   not null,
    lead_time_mean_days    numeric(8, 2) not null constraint supply_terms_lead_time check (lead_time_mean_days >= 0),
    lead_time_std_dev_days numeric(8, 2) not null constraint supply_terms_lead_time_sd check (lead_time_std_dev_days >= 0),
    minimum_order_quantity integer       not null constraint supply_terms_moq check (minimum_order_quantity >= 1),
    pack_size              integer       not null constraint supply_terms_pack check (pack_size >= 1),
    updated_at             timestamptz   not null
);
