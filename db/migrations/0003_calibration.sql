CREATE TABLE "calibration_run_reviews" (
	"run_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"review_id" uuid NOT NULL,
	CONSTRAINT "calibration_run_reviews_run_id_dossier_id_pk" PRIMARY KEY("run_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "calibration_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"rubric_version_id" uuid,
	"rubric_version" text NOT NULL,
	"rubric_hash" text NOT NULL,
	"prompt_version" text NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calibration_scores" (
	"set_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"rater" text NOT NULL,
	"score" integer NOT NULL,
	"source" text NOT NULL,
	"imported_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calibration_scores_set_id_dossier_id_criterion_id_rater_pk" PRIMARY KEY("set_id","dossier_id","criterion_id","rater")
);
--> statement-breakpoint
CREATE TABLE "calibration_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"exam_id" text NOT NULL,
	"name" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rubric_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"exam_id" text NOT NULL,
	"version" text NOT NULL,
	"body" jsonb NOT NULL,
	"hash" text NOT NULL,
	"based_on" text,
	"note" text,
	"active" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "rubric_version_id" uuid;--> statement-breakpoint
ALTER TABLE "calibration_run_reviews" ADD CONSTRAINT "calibration_run_reviews_run_id_calibration_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."calibration_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_run_reviews" ADD CONSTRAINT "calibration_run_reviews_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_run_reviews" ADD CONSTRAINT "calibration_run_reviews_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_runs" ADD CONSTRAINT "calibration_runs_set_id_calibration_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."calibration_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_runs" ADD CONSTRAINT "calibration_runs_rubric_version_id_rubric_versions_id_fk" FOREIGN KEY ("rubric_version_id") REFERENCES "public"."rubric_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_runs" ADD CONSTRAINT "calibration_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_scores" ADD CONSTRAINT "calibration_scores_set_id_calibration_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."calibration_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_scores" ADD CONSTRAINT "calibration_scores_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_scores" ADD CONSTRAINT "calibration_scores_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_sets" ADD CONSTRAINT "calibration_sets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_sets" ADD CONSTRAINT "calibration_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_versions" ADD CONSTRAINT "rubric_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_versions" ADD CONSTRAINT "rubric_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calibration_run_reviews_review_idx" ON "calibration_run_reviews" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "calibration_runs_set_idx" ON "calibration_runs" USING btree ("set_id","created_at");--> statement-breakpoint
CREATE INDEX "calibration_scores_dossier_idx" ON "calibration_scores" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "calibration_sets_org_exam_idx" ON "calibration_sets" USING btree ("organization_id","exam_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_versions_label_uq" ON "rubric_versions" USING btree ("organization_id","exam_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_versions_active_uq" ON "rubric_versions" USING btree ("organization_id","exam_id") WHERE "rubric_versions"."active";--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_rubric_version_id_rubric_versions_id_fk" FOREIGN KEY ("rubric_version_id") REFERENCES "public"."rubric_versions"("id") ON DELETE set null ON UPDATE no action;