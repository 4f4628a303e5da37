-- The cost model's inputs' version (lib/costs/cost-inputs-version.ts): every statement that writes the
-- assumption sets, the pools or their investments, the departments, the business systems, their cost
-- profiles or their monthly allocations moves it to a fresh value of a sequence, in the same
-- transaction, so a process's cached savings figures (and the utilisation view's pools and scopes) are
-- checked with one cheap read and recomputed only when an input changed. A sequence value is never
-- reused, even when the transaction rolls back. Metering's usage rows are not an input of the savings
-- model and bump nothing. A new business system bumps nothing either: the model reads systems only
-- through their cost profiles (whose insert bumps it), and a submission that names a new system
-- must not queue behind every other one on this row's lock.
CREATE SEQUENCE "cost_inputs_version_seq";--> statement-breakpoint
CREATE TABLE "cost_inputs_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL CHECK ("id"),
	"version" bigint NOT NULL
);--> statement-breakpoint
INSERT INTO "cost_inputs_version" ("id", "version") VALUES (true, nextval('cost_inputs_version_seq'));--> statement-breakpoint
CREATE FUNCTION "bump_cost_inputs_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "cost_inputs_version" SET "version" = nextval('cost_inputs_version_seq');
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "cost_assumption_sets_cost_inputs_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cost_assumption_sets" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cost_inputs_version"();--> statement-breakpoint
CREATE TRIGGER "pools_cost_inputs_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pools" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cost_inputs_version"();--> statement-breakpoint
CREATE TRIGGER "pool_investments_cost_inputs_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pool_investments" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cost_inputs_version"();--> statement-breakpoint
CREATE TRIGGER "departments_cost_inputs_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "departments" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cost_inputs_version"();--> statement-breakpoint
CREATE TRIGGER "business_systems_cost_inputs_version" AFTER UPDATE OR DELETE OR TRUNCATE ON "business_systems" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cost_inputs_version"();--> statement-breakpoint
CREATE TRIGGER "system_cost_profiles_cost_inputs_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "system_cost_profiles" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cost_inputs_version"();--> statement-breakpoint
CREATE TRIGGER "system_allocations_monthly_cost_inputs_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "system_allocations_monthly" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cost_inputs_version"();
