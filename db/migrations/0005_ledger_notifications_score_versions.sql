CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"review_id" uuid,
	"title" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calibration_run_reviews" DROP CONSTRAINT "calibration_run_reviews_run_id_dossier_id_pk";--> statement-breakpoint
ALTER TABLE "calibration_run_reviews" ADD CONSTRAINT "calibration_run_reviews_run_id_dossier_id_version_pk" PRIMARY KEY("run_id","dossier_id","version");--> statement-breakpoint
ALTER TABLE "calibration_scores" ADD COLUMN "version" integer;--> statement-breakpoint
-- Scores imported before versions were pinned: the latest version is what runs compared them with.
UPDATE "calibration_scores" SET "version" = (SELECT max(v."version") FROM "dossier_versions" v WHERE v."dossier_id" = "calibration_scores"."dossier_id");--> statement-breakpoint
ALTER TABLE "calibration_scores" ALTER COLUMN "version" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "usage_events_kind_subject_at_idx" ON "usage_events" USING btree ("kind","subject","at");