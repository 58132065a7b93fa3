# Run by the postgres image's entrypoint once, when it initialises an empty data directory. Creates one database
# per service, owned by that service's role; the roles' credentials come from the <service>-db-app Secrets.
create_service_database() {
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set=role="$1" --set=password="$2" --set=database="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
SQL
}

create_service_database "$INVENTORY_DB_USERNAME" "$INVENTORY_DB_PASSWORD" inventory
create_service_database "$ORDER_DB_USERNAME" "$ORDER_DB_PASSWORD" orders
create_service_database "$SUPPLIER_DB_USERNAME" "$SUPPLIER_DB_PASSWORD" suppliers
create_service_database "$NOTIFICATION_DB_USERNAME" "$NOTIFICATION_DB_PASSWORD" notifications
create_service_database "$INSIGHTS_DB_USERNAME" "$INSIGHTS_DB_PASSWORD" insights
