CREATE SEQUENCE "public"."return_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "return_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"return_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"seq" bigserial NOT NULL,
	"kind" text NOT NULL,
	"visibility" text DEFAULT 'customer' NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "return_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"return_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_pickup_cities" (
	"city" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"customer_name" text NOT NULL,
	"asset_id" uuid,
	"serial_no" text,
	"model_name" text,
	"dealer_id" uuid,
	"ticket_id" uuid,
	"ticket_number" text,
	"work_order_id" uuid,
	"source" text NOT NULL,
	"product_category" text NOT NULL,
	"purchased_at" date NOT NULL,
	"received_at" date,
	"submitted_at" timestamp with time zone NOT NULL,
	"requested" text NOT NULL,
	"quality_fault" boolean NOT NULL,
	"fault_code" text,
	"major_component" text,
	"goods_complete" boolean NOT NULL,
	"reason" text NOT NULL,
	"contact_phone" text,
	"city" text,
	"eligibility" jsonb NOT NULL,
	"deadlines" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"review_due_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"approved" boolean,
	"option" text,
	"decision_note" text,
	"pickup_due_at" timestamp with time zone,
	"goods_received_at" timestamp with time zone,
	"receipt_via" text,
	"process_due_at" timestamp with time zone,
	"inspected_at" timestamp with time zone,
	"inspection_passed" boolean,
	"inspection_note" text,
	"checklist" jsonb,
	"refund_due_at" timestamp with time zone,
	"send_back_due_at" timestamp with time zone,
	"exchange_due_at" timestamp with time zone,
	"invoice_fen" bigint,
	"refund_fen" bigint,
	"refund_status" text DEFAULT 'none' NOT NULL,
	"refund_drafted_by" uuid,
	"refund_drafted_at" timestamp with time zone,
	"refund_approved_by" uuid,
	"refund_approved_at" timestamp with time zone,
	"replacement_serial_no" text,
	"replacement_asset_id" uuid,
	"shipped_at" timestamp with time zone,
	"sent_back_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"next_due_at" timestamp with time zone,
	"next_alert_at" timestamp with time zone,
	"alerts_fired" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "asset_events" ADD COLUMN "fault_code" text;--> statement-breakpoint
ALTER TABLE "asset_events" ADD COLUMN "hours" double precision;--> statement-breakpoint
ALTER TABLE "asset_events" ADD COLUMN "source_type" text;--> statement-breakpoint
ALTER TABLE "asset_events" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "return_events" ADD CONSTRAINT "return_events_return_id_return_requests_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."return_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_photos" ADD CONSTRAINT "return_photos_return_id_return_requests_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."return_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "return_events_return_idx" ON "return_events" USING btree ("return_id","seq");--> statement-breakpoint
CREATE INDEX "return_photos_return_idx" ON "return_photos" USING btree ("return_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_requests_number_uq" ON "return_requests" USING btree ("number");--> statement-breakpoint
CREATE INDEX "return_requests_queue_idx" ON "return_requests" USING btree ("status","next_due_at");--> statement-breakpoint
CREATE INDEX "return_requests_customer_idx" ON "return_requests" USING btree ("customer_id","submitted_at");--> statement-breakpoint
CREATE INDEX "return_requests_dealer_idx" ON "return_requests" USING btree ("dealer_id","submitted_at");--> statement-breakpoint
CREATE INDEX "return_requests_asset_idx" ON "return_requests" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "return_requests_submitted_idx" ON "return_requests" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "return_requests_alert_idx" ON "return_requests" USING btree ("next_alert_at") WHERE next_alert_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "asset_events_source_uq" ON "asset_events" USING btree ("source_type","source_id","kind") WHERE source_id is not null;--> statement-breakpoint
-- The 48 cities with 1–2 day pickup (seed 000 names Beijing and the count, not the list): a starting list the administrator edits.
INSERT INTO "return_pickup_cities" ("city") VALUES ('北京'), ('上海'), ('天津'), ('重庆'), ('广州'), ('深圳'), ('杭州'), ('南京'), ('苏州'), ('武汉'), ('成都'), ('西安'), ('沈阳'), ('大连'), ('青岛'), ('济南'), ('郑州'), ('长沙'), ('福州'), ('厦门'), ('合肥'), ('南昌'), ('南宁'), ('昆明'), ('贵阳'), ('太原'), ('石家庄'), ('哈尔滨'), ('长春'), ('呼和浩特'), ('兰州'), ('银川'), ('西宁'), ('乌鲁木齐'), ('海口'), ('宁波'), ('无锡'), ('佛山'), ('东莞'), ('温州'), ('常州'), ('烟台'), ('珠海'), ('中山'), ('泉州'), ('唐山'), ('徐州'), ('绍兴');
