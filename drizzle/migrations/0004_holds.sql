CREATE TABLE "holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"restaurant_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"party_size" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holds_restaurant_id" UNIQUE("restaurant_id","id")
);
--> statement-breakpoint
ALTER TABLE "table_allocations" DROP CONSTRAINT "table_allocations_owner";--> statement-breakpoint
ALTER TABLE "table_allocations" ADD COLUMN "hold_id" uuid;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_restaurant_id_restaurants_id_fk" FOREIGN KEY ("restaurant_id") REFERENCES "public"."restaurants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "holds_expires" ON "holds" USING btree ("restaurant_id","expires_at");--> statement-breakpoint
ALTER TABLE "table_allocations" ADD CONSTRAINT "table_allocations_hold_fk" FOREIGN KEY ("restaurant_id","hold_id") REFERENCES "public"."holds"("restaurant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "table_allocations_hold" ON "table_allocations" USING btree ("hold_id");--> statement-breakpoint
ALTER TABLE "table_allocations" ADD CONSTRAINT "table_allocations_owner" CHECK (num_nonnulls("table_allocations"."reservation_id", "table_allocations"."block_id", "table_allocations"."hold_id") = 1);