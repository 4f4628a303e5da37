CREATE TABLE "cost_assumption_sets" (
	"version" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"effective_from" date NOT NULL,
	"assumptions" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_investments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pool_id" text NOT NULL,
	"invested_on" date NOT NULL,
	"amount_krw" bigint NOT NULL,
	"description" text NOT NULL,
	"physical_cores" integer DEFAULT 0 NOT NULL,
	"ram_gb" integer DEFAULT 0 NOT NULL,
	"storage_gb" integer DEFAULT 0 NOT NULL,
	"platform_slots" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_allocations_monthly" (
	"system_id" uuid NOT NULL,
	"month" date NOT NULL,
	"vcpu" integer NOT NULL,
	"ram_gb" integer NOT NULL,
	"storage_gb" integer NOT NULL,
	"platform_slots" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "system_allocations_monthly_system_id_month_pk" PRIMARY KEY("system_id","month")
);
--> statement-breakpoint
CREATE TABLE "system_cost_profiles" (
	"system_id" uuid PRIMARY KEY NOT NULL,
	"pool_id" text NOT NULL,
	"moved_on" date NOT NULL,
	"environment" "environment" NOT NULL,
	"peak_vcpu" integer NOT NULL,
	"peak_ram_gb" integer NOT NULL,
	"peak_storage_gb" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_usage_monthly" (
	"system_id" uuid NOT NULL,
	"month" date NOT NULL,
	"avg_cpu_pct" numeric(5, 2) NOT NULL,
	"ram_used_gb" numeric(12, 2) NOT NULL,
	"storage_used_gb" numeric(14, 2) NOT NULL,
	CONSTRAINT "system_usage_monthly_system_id_month_pk" PRIMARY KEY("system_id","month")
);
--> statement-breakpoint
ALTER TABLE "cost_assumption_sets" ADD CONSTRAINT "cost_assumption_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_investments" ADD CONSTRAINT "pool_investments_pool_id_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_allocations_monthly" ADD CONSTRAINT "system_allocations_monthly_system_id_business_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."business_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_cost_profiles" ADD CONSTRAINT "system_cost_profiles_system_id_business_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."business_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_cost_profiles" ADD CONSTRAINT "system_cost_profiles_pool_id_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "system_usage_monthly" ADD CONSTRAINT "system_usage_monthly_system_id_business_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."business_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pool_investments_pool_date" ON "pool_investments" USING btree ("pool_id","invested_on");