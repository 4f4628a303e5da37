-- 월간 보고서: each closed month's figures, materialised once when the month closes (lib/reports/close-month.ts)
CREATE TABLE "monthly_reports" (
	"month" date PRIMARY KEY NOT NULL,
	"figures" jsonb NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	CONSTRAINT "monthly_reports_first_day" CHECK (extract(day from "month") = 1)
);
--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
