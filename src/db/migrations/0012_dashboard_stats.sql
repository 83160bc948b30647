CREATE TABLE "backlog_stats" (
	"dealer_id" uuid,
	"status" text NOT NULL,
	"bucket" text NOT NULL,
	"tickets" integer DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_cost_stats" (
	"day" text NOT NULL,
	"dealer_id" uuid,
	"model_id" uuid,
	"orders" integer DEFAULT 0 NOT NULL,
	"company_cost_fen" bigint DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_part_stats" (
	"day" text NOT NULL,
	"all_dealers" boolean DEFAULT false NOT NULL,
	"dealer_id" uuid,
	"part_id" uuid NOT NULL,
	"consumed_qty" integer DEFAULT 0 NOT NULL,
	"company_cost_fen" bigint DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_repeat_stats" (
	"day" text NOT NULL,
	"dealer_id" uuid,
	"asset_id" uuid NOT NULL,
	"part_id" uuid,
	"repeats" integer DEFAULT 0 NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_satisfaction_stats" (
	"day" text NOT NULL,
	"dealer_id" uuid,
	"source" text NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"scored" integer DEFAULT 0 NOT NULL,
	"score_x100_sum" bigint DEFAULT 0 NOT NULL,
	"unhappy" integer DEFAULT 0 NOT NULL,
	"nps_answered" integer DEFAULT 0 NOT NULL,
	"promoters" integer DEFAULT 0 NOT NULL,
	"detractors" integer DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "daily_ticket_stats_uq";--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "department_id" uuid;--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "resolve_minutes_sum" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "first_response_met" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "first_response_breached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "arrange_met" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "arrange_breached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "onsite_met" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "onsite_breached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "resolve_met" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "resolve_breached" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "ftf_base" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" ADD COLUMN "ftf_first" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "backlog_stats_uq" ON "backlog_stats" USING btree (coalesce("dealer_id", '00000000-0000-0000-0000-000000000000'::uuid),"status","bucket");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_cost_stats_uq" ON "daily_cost_stats" USING btree ("day",coalesce("dealer_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("model_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "daily_cost_stats_dealer_idx" ON "daily_cost_stats" USING btree ("dealer_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_part_stats_uq" ON "daily_part_stats" USING btree ("day","part_id","all_dealers",coalesce("dealer_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "daily_part_stats_dealer_idx" ON "daily_part_stats" USING btree ("dealer_id","day");--> statement-breakpoint
CREATE INDEX "daily_part_stats_all_idx" ON "daily_part_stats" USING btree ("day") WHERE all_dealers;--> statement-breakpoint
CREATE UNIQUE INDEX "daily_repeat_stats_uq" ON "daily_repeat_stats" USING btree ("day","asset_id",coalesce("part_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("dealer_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "daily_repeat_stats_day_idx" ON "daily_repeat_stats" USING btree ("day");--> statement-breakpoint
CREATE INDEX "daily_repeat_stats_dealer_idx" ON "daily_repeat_stats" USING btree ("dealer_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_satisfaction_stats_uq" ON "daily_satisfaction_stats" USING btree ("day","source",coalesce("dealer_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "daily_satisfaction_stats_dealer_idx" ON "daily_satisfaction_stats" USING btree ("dealer_id","day");--> statement-breakpoint
CREATE INDEX "work_order_parts_consumed_idx" ON "work_order_parts" USING btree ("consumed_at") WHERE consumed_at is not null;--> statement-breakpoint
CREATE INDEX "work_orders_done_idx" ON "work_orders" USING btree ("done_at") WHERE done_at is not null;--> statement-breakpoint
CREATE INDEX "work_orders_check_out_idx" ON "work_orders" USING btree ("check_out_at") WHERE check_out_at is not null;--> statement-breakpoint
CREATE INDEX "ticket_sla_clocks_stopped_idx" ON "ticket_sla_clocks" USING btree ("stopped_at") WHERE stopped_at is not null;--> statement-breakpoint
CREATE INDEX "tickets_reported_idx" ON "tickets" USING btree ("reported_at");--> statement-breakpoint
CREATE INDEX "tickets_resolved_idx" ON "tickets" USING btree ("resolved_at") WHERE resolved_at is not null;--> statement-breakpoint
CREATE INDEX "tickets_open_age_idx" ON "tickets" USING btree ("dealer_id","status","reported_at") WHERE status not in ('resolved', 'closed', 'cancelled');--> statement-breakpoint
CREATE INDEX "tickets_repairs_idx" ON "tickets" USING btree ("asset_id","reported_at") WHERE type = 'repair' and asset_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "daily_ticket_stats_uq" ON "daily_ticket_stats" USING btree ("day",coalesce("dealer_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("department_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" DROP COLUMN "type";--> statement-breakpoint
ALTER TABLE "daily_ticket_stats" DROP COLUMN "sla";