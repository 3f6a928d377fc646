-- Name search over the distinct names of each restaurant (guest_names), kept by triggers on
-- guests. btree_gin puts the restaurant id into the trigram GIN indexes; unaccent folds accents.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- The search form of a name: lower case, accents dropped, and German umlauts written out
-- read as the plain vowel (ae/oe/ue → a/o/u), on stored names and search terms alike — so
-- "Mueller", "Muller" and "müller" all find "Müller", and "Wisniewski" finds "Wiśniewski".
CREATE FUNCTION fold_name(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT replace(replace(replace(public.unaccent('public.unaccent'::regdictionary, lower(t)),
    'ae', 'a'), 'oe', 'o'), 'ue', 'u')
$$;--> statement-breakpoint
CREATE TABLE "guest_names" (
	"restaurant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"folded" text NOT NULL,
	"guests" integer NOT NULL,
	CONSTRAINT "guest_names_restaurant_id_name_pk" PRIMARY KEY("restaurant_id","name")
);
--> statement-breakpoint
DROP INDEX "guests_name_trgm";--> statement-breakpoint
DROP INDEX "guests_phone_trgm";--> statement-breakpoint
ALTER TABLE "guest_names" ADD CONSTRAINT "guest_names_restaurant_id_restaurants_id_fk" FOREIGN KEY ("restaurant_id") REFERENCES "public"."restaurants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guest_names_folded_trgm" ON "guest_names" USING gin ("restaurant_id","folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "guests_phone_trgm" ON "guests" USING gin ("restaurant_id","phone" gin_trgm_ops);--> statement-breakpoint
-- Inserts and deletes per statement (an import of thousands of guests is one grouped upsert);
-- a rename per row, and only when the name really changed (counters change far more often).
CREATE FUNCTION guest_names_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO guest_names (restaurant_id, name, folded, guests)
    SELECT restaurant_id, name, fold_name(name), count(*) FROM added GROUP BY restaurant_id, name
    ON CONFLICT (restaurant_id, name) DO UPDATE SET guests = guest_names.guests + excluded.guests;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION guest_names_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH gone AS (SELECT restaurant_id, name, count(*) AS n FROM removed GROUP BY restaurant_id, name)
  UPDATE guest_names g SET guests = g.guests - gone.n
    FROM gone WHERE g.restaurant_id = gone.restaurant_id AND g.name = gone.name;
  DELETE FROM guest_names g USING (SELECT DISTINCT restaurant_id, name FROM removed) r
    WHERE g.restaurant_id = r.restaurant_id AND g.name = r.name AND g.guests <= 0;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION guest_names_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE guest_names SET guests = guests - 1 WHERE restaurant_id = OLD.restaurant_id AND name = OLD.name;
  DELETE FROM guest_names WHERE restaurant_id = OLD.restaurant_id AND name = OLD.name AND guests <= 0;
  INSERT INTO guest_names (restaurant_id, name, folded, guests)
    VALUES (NEW.restaurant_id, NEW.name, fold_name(NEW.name), 1)
    ON CONFLICT (restaurant_id, name) DO UPDATE SET guests = guest_names.guests + 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER guest_names_added AFTER INSERT ON guests REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION guest_names_added();--> statement-breakpoint
CREATE TRIGGER guest_names_removed AFTER DELETE ON guests REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION guest_names_removed();--> statement-breakpoint
CREATE TRIGGER guest_names_renamed AFTER UPDATE OF name ON guests
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION guest_names_renamed();--> statement-breakpoint
INSERT INTO guest_names (restaurant_id, name, folded, guests)
  SELECT restaurant_id, name, fold_name(name), count(*) FROM guests GROUP BY restaurant_id, name;
