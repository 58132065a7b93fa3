package io.backorder.inventory.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Waiting lines for an allocation run, written straight into the service's tables (going through 100,000
 * reservations first would take longer than the measurement and measure something else). Per SKU: {@code lines}
 * backordered lines of 1 to 3 units from single-line orders placed over the last 30 days, tiers skewed to STANDARD,
 * order values 5 to 1,000, one in ten shipping complete; and two purchase-order lines, the first (due in a week)
 * covering {@code coverage} of the waiting units, the second (due in a month) the rest. The receipt under test
 * delivers the first purchase-order line of every SKU.
 */
final class AllocationScenario {

    private AllocationScenario() {
    }

    /** Returns the receipt quantity per SKU (the first purchase-order line's quantity). */
    static Map<String, Integer> create(Connection db, String prefix, int skus, int lines, String location,
            double coverage) throws SQLException {
        String like = prefix + "-%";
        try (Statement statement = db.createStatement()) {
            statement.execute("insert into sku (sku, name, backorder_policy, lead_time_days, created_at, updated_at) "
                    + "select '" + prefix + "-' || i, 'bench item', 'ALLOW', 14, now(), now() "
                    + "from generate_series(0, " + (skus - 1) + ") i");
            statement.execute("insert into stock (sku, location_id, on_hand, reserved, safety_stock) select sku, '"
                    + location + "', 0, 0, 0 from sku where sku like '" + like + "'");
            statement.execute("""
                    insert into order_line (line_id, order_id, customer_id, sku, quantity, reserved, backordered,
                        allocated, shipped, dropshipped, initial_reserved, initial_backordered, status, kind,
                        customer_tier, order_value, ordered_at, ship_complete, created_at, updated_at, version)
                    select gen_random_uuid(), gen_random_uuid(), 'bench', s.sku, x.q, 0, x.q, 0, 0, 0, 0, x.q,
                        'BACKORDERED', 'BACKORDER',
                        (array['STANDARD', 'STANDARD', 'STANDARD', 'SILVER', 'GOLD', 'PLATINUM'])[1 + x.t],
                        round((5 + random() * 995)::numeric, 2), now() - make_interval(secs => random() * 2592000),
                        random() < 0.1, now(), now(), 0
                    from sku s cross join lateral (
                        select g, 1 + floor(random() * 3)::int as q, floor(random() * 6)::int as t
                        from generate_series(1, %d) g where s.sku is not null) x
                    where s.sku like '%s'""".formatted(lines, like));
            statement.execute("""
                    insert into inbound_supply (id, sku, location_id, purchase_order_id, purchase_order_line_id,
                        quantity, received, eta, confirmed, status, supplier_id, updated_at)
                    select gen_random_uuid(), w.sku, '%1$s', 'BENCH-PO', w.sku || '-PO1', ceil(w.units * %2$s)::int,
                        0, current_date + 7, true, 'OPEN', 'bench', now()
                    from (select sku, sum(backordered) units from order_line where sku like '%3$s' group by sku) w
                    union all
                    select gen_random_uuid(), w.sku, '%1$s', 'BENCH-PO', w.sku || '-PO2',
                        w.units - ceil(w.units * %2$s)::int, 0, current_date + 30, false, 'OPEN', 'bench', now()
                    from (select sku, sum(backordered) units from order_line where sku like '%3$s' group by sku) w
                    where w.units > ceil(w.units * %2$s)::int""".formatted(location, coverage, like));
            statement.execute("analyze sku; analyze stock; analyze order_line; analyze inbound_supply");
        }
        Map<String, Integer> receipt = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("select sku, quantity from inbound_supply "
                + "where purchase_order_line_id like ? order by sku")) {
            query.setString(1, prefix + "-%-PO1");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    receipt.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return receipt;
    }
}
