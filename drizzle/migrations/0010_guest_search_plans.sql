-- Partial phone search without the restaurant in the GIN index: as a btree_gin key, the
-- restaurant id made every search read the restaurant's whole posting list (at 200k guests, 81
-- index pages and 7 ms instead of 13 pages and 0.8 ms). The trigrams alone find the few phones
-- holding the digits, and the restaurant is checked on those rows (with many restaurants on one
-- server, that includes other restaurants' phones holding the same digits).
DROP INDEX "guests_phone_trgm";--> statement-breakpoint
CREATE INDEX "guests_phone_trgm" ON "guests" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
-- The restaurant's distinct names matching a search term (see matchingNames in
-- server/src/domain/guests/query.ts), with their word-similarity distance. A function so that
-- its query never reads guest_names sequentially: a table of a few thousand names looks cheap
-- to scan, but the scan tests the trigram similarity of every name (30 ms and more instead of
-- 1–2 ms through the trigram index), and the planner costs that test as a plain comparison.
-- Terms under three characters have no trigrams and match by substring alone (strpos, which no
-- index serves: as LIKE, a cached plan would walk the whole trigram index for it).
CREATE FUNCTION guest_name_matches(restaurant uuid, term text, pattern text)
  RETURNS TABLE (name text, distance real) LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100
  SET enable_seqscan = off AS $$
BEGIN
  IF length(term) >= 3 THEN
    RETURN QUERY SELECT g.name, fold_name(term) <<-> g.folded FROM guest_names g
      WHERE g.restaurant_id = restaurant AND (fold_name(term) <% g.folded OR g.folded LIKE fold_name(pattern));
  ELSE
    RETURN QUERY SELECT g.name, fold_name(term) <<-> g.folded FROM guest_names g
      WHERE g.restaurant_id = restaurant AND strpos(g.folded, fold_name(term)) > 0;
  END IF;
END $$;
