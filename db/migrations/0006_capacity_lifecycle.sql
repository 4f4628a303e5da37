CREATE TYPE "public"."reservation_purpose" AS ENUM('primary', 'dr', 'change');--> statement-breakpoint
CREATE TYPE "public"."reservation_status" AS ENUM('held', 'released');--> statement-breakpoint
ALTER TYPE "public"."catalog_kind" ADD VALUE 'resize';--> statement-breakpoint
ALTER TYPE "public"."resource_status" ADD VALUE 'resizing' BEFORE 'failed';--> statement-breakpoint
CREATE TABLE "capacity_reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"resource_id" uuid,
	"pool_id" text NOT NULL,
	"department_id" uuid NOT NULL,
	"purpose" "reservation_purpose" NOT NULL,
	"vcpu" integer NOT NULL,
	"ram_gb" integer NOT NULL,
	"storage_gb" integer NOT NULL,
	"monthly_krw" integer NOT NULL,
	"status" "reservation_status" DEFAULT 'held' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"release_reason" text
);
--> statement-breakpoint
CREATE TABLE "drift_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pool_id" text NOT NULL,
	"provider" text NOT NULL,
	"kind" text NOT NULL,
	"provider_ref" text NOT NULL,
	"name" text NOT NULL,
	"resource_id" uuid,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "pools" ADD COLUMN "platform_provider" text DEFAULT 'simulator' NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "target_resource_id" uuid;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "access" jsonb;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "dr_pool_id" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "dr_state" jsonb;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "lease_until" date;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "lease_notice_days" integer;--> statement-breakpoint
ALTER TABLE "sim_servers" ADD COLUMN "host" text;--> statement-breakpoint
ALTER TABLE "capacity_reservations" ADD CONSTRAINT "capacity_reservations_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_reservations" ADD CONSTRAINT "capacity_reservations_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_reservations" ADD CONSTRAINT "capacity_reservations_pool_id_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_reservations" ADD CONSTRAINT "capacity_reservations_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drift_findings" ADD CONSTRAINT "drift_findings_pool_id_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drift_findings" ADD CONSTRAINT "drift_findings_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_reservations_once" ON "capacity_reservations" USING btree ("request_id","purpose");--> statement-breakpoint
CREATE INDEX "capacity_reservations_held_pool" ON "capacity_reservations" USING btree ("pool_id") WHERE status = 'held';--> statement-breakpoint
CREATE INDEX "capacity_reservations_held_department" ON "capacity_reservations" USING btree ("department_id") WHERE status = 'held';--> statement-breakpoint
CREATE UNIQUE INDEX "drift_findings_open" ON "drift_findings" USING btree ("provider","provider_ref","kind") WHERE resolved_at is null;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_dr_pool_id_pools_id_fk" FOREIGN KEY ("dr_pool_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The audit trail is append-only at the database level: no role the portal uses can rewrite history.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
