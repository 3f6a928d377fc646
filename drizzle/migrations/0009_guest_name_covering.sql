DROP INDEX "guests_restaurant_name";--> statement-breakpoint
CREATE INDEX "guests_restaurant_name" ON "guests" USING btree ("restaurant_id","name","id");