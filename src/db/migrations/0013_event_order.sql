ALTER TABLE "work_order_events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD COLUMN "seq" bigserial NOT NULL;