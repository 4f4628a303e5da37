-- Metering (issue #5): raw usage samples partitioned by Seoul month, and their rollups.
-- Written by hand: drizzle-kit cannot express PARTITION BY. db/schema/metering.ts declares the same
-- tables for queries and is deliberately not exported from db/schema/index.ts.
--
-- Every sample carries the resource's pool, department, system and allocated footprint, so rollups
-- group without joins and "allocated" comes out of the same rows as "used". A sample stands for
-- `interval_s` seconds from `sampled_at`: sums of value × interval_s (vCPU-seconds, GB-seconds) are
-- additive, so a late sample is added to its buckets incrementally and time-weighted averages stay exact.
-- Raw samples are kept for a retention period (whole partitions dropped); rollups are kept.

CREATE TABLE "metering_samples" (
	"resource_id" uuid NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"interval_s" integer NOT NULL,
	"pool_id" text NOT NULL,
	"department_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"vcpu" integer NOT NULL,
	"ram_gb" integer NOT NULL,
	"storage_gb" integer NOT NULL,
	"cpu_pct" real NOT NULL,
	"ram_used_gb" real NOT NULL,
	"storage_used_gb" real NOT NULL,
	-- led by the instant: a batch of one round lands at the edge of its partition's index
	CONSTRAINT "metering_samples_pk" PRIMARY KEY ("sampled_at", "resource_id"),
	CONSTRAINT "metering_samples_interval" CHECK ("interval_s" > 0 AND "interval_s" <= 86400)
) PARTITION BY RANGE ("sampled_at");
--> statement-breakpoint

-- One partition per Seoul calendar month, named metering_samples_pYYYYMM. Created ahead by the
-- collection and retention jobs (lib/metering/partitions.ts) and on demand for a batch's months.
-- The advisory lock keeps two workers from racing on the catalogue; the exception handler is the backstop.
CREATE FUNCTION "metering_ensure_partition"("month_start" date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	first_day date := date_trunc('month', month_start)::date;
	part text := format('metering_samples_p%s', to_char(first_day, 'YYYYMM'));
	lo timestamptz := first_day::timestamp AT TIME ZONE 'Asia/Seoul';
	hi timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'Asia/Seoul';
BEGIN
	IF to_regclass(part) IS NULL THEN
		PERFORM pg_advisory_xact_lock(726354005);
		-- pg_class read with a fresh snapshot: the syscache may not have seen another session's commit yet
		IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = part AND relnamespace = current_schema()::regnamespace) THEN
			BEGIN
				EXECUTE format(
					'CREATE TABLE %I PARTITION OF metering_samples FOR VALUES FROM (%L) TO (%L)',
					part, lo, hi);
			EXCEPTION WHEN duplicate_table OR unique_violation THEN
				NULL; -- made meanwhile by another session
			END;
		END IF;
	END IF;
	RETURN part;
END
$$;
--> statement-breakpoint

-- Per resource and hour: the basis of rightsizing (p95 of hourly mean CPU over the last N days).
-- The key leads with the hour, so new rows land at the edge of the index as time goes (a key led by
-- the resource id would scatter every batch across the whole index), and a window reads one range.
CREATE TABLE "metering_resource_hourly" (
	"resource_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"pool_id" text NOT NULL,
	"department_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"samples" integer NOT NULL,
	"seconds" bigint NOT NULL,
	"vcpu_max" integer NOT NULL,
	"ram_gb_max" integer NOT NULL,
	"storage_gb_max" integer NOT NULL,
	"cpu_pct_sum" double precision NOT NULL,
	"cpu_pct_max" real NOT NULL,
	"ram_used_gb_sum" double precision NOT NULL,
	"ram_used_gb_max" real NOT NULL,
	"storage_used_gb_sum" double precision NOT NULL,
	"storage_used_gb_max" real NOT NULL,
	CONSTRAINT "metering_resource_hourly_pk" PRIMARY KEY ("bucket", "resource_id")
);
--> statement-breakpoint

-- Per scope (pool, department, system) and bucket: what the dashboards read. `*_s` columns are
-- value × seconds (allocated and used); first_at/last_end bound the metered span of the bucket.
CREATE TABLE "metering_scope_hourly" (
	"bucket" timestamp with time zone NOT NULL,
	"pool_id" text NOT NULL,
	"department_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"samples" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_end" timestamp with time zone NOT NULL,
	"vcpu_s" double precision NOT NULL,
	"vcpu_used_s" double precision NOT NULL,
	"ram_gb_s" double precision NOT NULL,
	"ram_used_gb_s" double precision NOT NULL,
	"storage_gb_s" double precision NOT NULL,
	"storage_used_gb_s" double precision NOT NULL,
	"cpu_pct_max" real NOT NULL,
	CONSTRAINT "metering_scope_hourly_pk" PRIMARY KEY ("bucket", "pool_id", "department_id", "system_id")
);
--> statement-breakpoint
CREATE TABLE "metering_scope_daily" (LIKE "metering_scope_hourly" INCLUDING ALL);
--> statement-breakpoint
ALTER TABLE "metering_scope_daily" ALTER COLUMN "bucket" TYPE date;
--> statement-breakpoint
CREATE TABLE "metering_scope_monthly" (LIKE "metering_scope_hourly" INCLUDING ALL);
--> statement-breakpoint
ALTER TABLE "metering_scope_monthly" ALTER COLUMN "bucket" TYPE date;
--> statement-breakpoint
CREATE INDEX "metering_scope_monthly_system" ON "metering_scope_monthly" ("system_id", "bucket");
--> statement-breakpoint

-- The load profile: per Seoul month and hour of day (0–23), allocated and used seconds.
CREATE TABLE "metering_scope_hour_of_day" (
	"month" date NOT NULL,
	"hour" smallint NOT NULL,
	"pool_id" text NOT NULL,
	"department_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"samples" integer NOT NULL,
	"vcpu_s" double precision NOT NULL,
	"vcpu_used_s" double precision NOT NULL,
	"ram_gb_s" double precision NOT NULL,
	"ram_used_gb_s" double precision NOT NULL,
	CONSTRAINT "metering_scope_hour_of_day_pk" PRIMARY KEY ("month", "hour", "pool_id", "department_id", "system_id")
);
--> statement-breakpoint

-- Per pool and bucket: the same sums over every department and system, so the whole-pool views
-- (the dashboards' default) read one row per pool and bucket instead of one per system.
CREATE TABLE "metering_pool_hourly" (
	"bucket" timestamp with time zone NOT NULL,
	"pool_id" text NOT NULL,
	"samples" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_end" timestamp with time zone NOT NULL,
	"vcpu_s" double precision NOT NULL,
	"vcpu_used_s" double precision NOT NULL,
	"ram_gb_s" double precision NOT NULL,
	"ram_used_gb_s" double precision NOT NULL,
	"storage_gb_s" double precision NOT NULL,
	"storage_used_gb_s" double precision NOT NULL,
	"cpu_pct_max" real NOT NULL,
	CONSTRAINT "metering_pool_hourly_pk" PRIMARY KEY ("bucket", "pool_id")
);
--> statement-breakpoint
CREATE TABLE "metering_pool_daily" (LIKE "metering_pool_hourly" INCLUDING ALL);
--> statement-breakpoint
ALTER TABLE "metering_pool_daily" ALTER COLUMN "bucket" TYPE date;
--> statement-breakpoint
CREATE TABLE "metering_pool_monthly" (LIKE "metering_pool_hourly" INCLUDING ALL);
--> statement-breakpoint
ALTER TABLE "metering_pool_monthly" ALTER COLUMN "bucket" TYPE date;
