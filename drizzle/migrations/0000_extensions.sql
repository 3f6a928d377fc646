-- Extensions drizzle-kit does not manage. btree_gist lets the exclusion constraint on
-- table_allocations combine `=` on uuid columns with `&&` on a tstzrange; pg_trgm powers
-- typo-tolerant guest search.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
