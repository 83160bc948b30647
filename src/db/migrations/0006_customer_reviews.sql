CREATE TABLE "customer_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"trigger" text NOT NULL,
	"started_by" uuid,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ran_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "business_status" text DEFAULT 'operating' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_reviews_period_uq" ON "customer_reviews" USING btree ("period");--> statement-breakpoint
CREATE INDEX "customer_reviews_ran_idx" ON "customer_reviews" USING btree ("ran_at");