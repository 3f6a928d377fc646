CREATE TABLE "table_combination_members" (
	"restaurant_id" uuid NOT NULL,
	"combination_id" uuid NOT NULL,
	"table_id" uuid NOT NULL,
	CONSTRAINT "table_combination_members_combination_id_table_id_pk" PRIMARY KEY("combination_id","table_id")
);
--> statement-breakpoint
CREATE TABLE "table_combinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"restaurant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"min_guests" integer NOT NULL,
	"max_guests" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "table_combinations_restaurant_name" UNIQUE("restaurant_id","name"),
	CONSTRAINT "table_combinations_restaurant_id" UNIQUE("restaurant_id","id"),
	CONSTRAINT "table_combinations_guests" CHECK ("table_combinations"."min_guests" > 0 and "table_combinations"."min_guests" <= "table_combinations"."max_guests")
);
--> statement-breakpoint
ALTER TABLE "table_blocks" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "floor_width" integer DEFAULT 1200 NOT NULL;--> statement-breakpoint
ALTER TABLE "restaurants" ADD COLUMN "floor_height" integer DEFAULT 800 NOT NULL;--> statement-breakpoint
ALTER TABLE "table_combination_members" ADD CONSTRAINT "table_combination_members_combination_fk" FOREIGN KEY ("restaurant_id","combination_id") REFERENCES "public"."table_combinations"("restaurant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_combination_members" ADD CONSTRAINT "table_combination_members_table_fk" FOREIGN KEY ("restaurant_id","table_id") REFERENCES "public"."tables"("restaurant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "table_combinations" ADD CONSTRAINT "table_combinations_restaurant_id_restaurants_id_fk" FOREIGN KEY ("restaurant_id") REFERENCES "public"."restaurants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "table_combination_members_table" ON "table_combination_members" USING btree ("restaurant_id","table_id");--> statement-breakpoint
CREATE INDEX "table_allocations_table_start" ON "table_allocations" USING btree ("restaurant_id","table_id",lower("period"));--> statement-breakpoint
ALTER TABLE "restaurants" ADD CONSTRAINT "restaurants_floor_size" CHECK ("restaurants"."floor_width" between 200 and 10000 and "restaurants"."floor_height" between 200 and 10000);