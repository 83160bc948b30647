CREATE TABLE "archive_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text,
	"customer_id" uuid NOT NULL,
	"what" text NOT NULL,
	"basis" text NOT NULL,
	"request_id" uuid,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "archive_access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"applicant_head_id" uuid,
	"owner_head_id" uuid,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expires_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "archive_access_requests" ADD CONSTRAINT "archive_access_requests_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archive_log_customer_idx" ON "archive_access_log" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "archive_log_user_idx" ON "archive_access_log" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "archive_requests_customer_idx" ON "archive_access_requests" USING btree ("customer_id","applicant_id");--> statement-breakpoint
CREATE INDEX "archive_requests_status_idx" ON "archive_access_requests" USING btree ("status");