-- The one guarantee against double booking, written by hand (drizzle-kit has no EXCLUDE).
-- Two ACTIVE allocations of the same table of the same restaurant can never overlap in time:
-- a second booking, a booking over a block or a block over a booking fails with SQLSTATE 23P01.
-- restaurant_id leads so the constraint stays valid when tables are distributed by restaurant.
ALTER TABLE "table_allocations"
  ADD CONSTRAINT "table_allocations_no_overlap"
  EXCLUDE USING gist ("restaurant_id" WITH =, "table_id" WITH =, "period" WITH &&)
  WHERE ("active");
--> statement-breakpoint
-- Empty or unbounded periods would slip past the overlap check.
ALTER TABLE "table_allocations"
  ADD CONSTRAINT "table_allocations_period_bounded"
  CHECK (NOT isempty("period") AND NOT lower_inf("period") AND NOT upper_inf("period"));
