CREATE INDEX "guests_name_trgm" ON "guests" USING gist ("restaurant_id","name" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "guests_phone_trgm" ON "guests" USING gist ("restaurant_id","phone" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "guests_restaurant_last_visit" ON "guests" USING btree ("restaurant_id","last_visit_at");--> statement-breakpoint
CREATE INDEX "guests_restaurant_created" ON "guests" USING btree ("restaurant_id","created_at");