-- The reference data's version (lib/catalog/reference-data.ts): every transaction that writes the
-- catalogue, its options, the rate cards, the approval policies or the departments moves it to a
-- fresh value of a sequence, so a process's cached copy is checked with one cheap read. A sequence
-- value is never reused, even when the transaction rolls back.
CREATE SEQUENCE "reference_version_seq";--> statement-breakpoint
CREATE TABLE "reference_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL CHECK ("id"),
	"version" bigint NOT NULL
);--> statement-breakpoint
INSERT INTO "reference_version" ("id", "version") VALUES (true, nextval('reference_version_seq'));--> statement-breakpoint
CREATE FUNCTION "bump_reference_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "reference_version" SET "version" = nextval('reference_version_seq');
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "catalog_items_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_items" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "flavors_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "flavors" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "os_images_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "os_images" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "runtimes_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "runtimes" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "rate_cards_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "rate_cards" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "rate_prices_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "rate_prices" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "approval_policies_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "approval_policies" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();--> statement-breakpoint
CREATE TRIGGER "departments_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "departments" FOR EACH STATEMENT EXECUTE FUNCTION "bump_reference_version"();
