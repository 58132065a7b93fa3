-- Allocation writes one log row per allocated line, up to 100,000 in one receipt transaction: every index on the log
-- costs a write per line. Nothing reads the log by line (a line's last score is on order_line, its history in the
-- StockAllocated messages; the log is read by cause for a receipt's view), and order lines are never deleted, so the
-- foreign key needs no index either.
drop index allocation_by_line;
