CREATE EXTENSION IF NOT EXISTS vector;
--> statement-breakpoint
CREATE TABLE "dossier_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"file" "bytea" NOT NULL,
	"pages" integer NOT NULL,
	"pages_estimated" boolean DEFAULT false NOT NULL,
	"annex_start_page" integer,
	"pages_excluding_annexes" integer NOT NULL,
	"words" integer NOT NULL,
	"language" text,
	"text" text NOT NULL,
	"page_texts" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"hidden" jsonb NOT NULL,
	"warnings" jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exam_id" text NOT NULL,
	"owner_id" text,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "embeddings" (
	"content_hash" text NOT NULL,
	"model" text NOT NULL,
	"dimensions" integer NOT NULL,
	"embedding" vector NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "embeddings_content_hash_model_pk" PRIMARY KEY("content_hash","model")
);
--> statement-breakpoint
CREATE TABLE "passages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"page" integer NOT NULL,
	"page_end" integer NOT NULL,
	"section" text,
	"annex" boolean DEFAULT false NOT NULL,
	"char_start" integer NOT NULL,
	"char_end" integer NOT NULL,
	"text" text NOT NULL,
	"content_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_criteria" (
	"review_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" text,
	"prompt_tokens" integer DEFAULT 0 NOT NULL,
	"completion_tokens" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_criteria_review_id_criterion_id_pk" PRIMARY KEY("review_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"exam_id" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"rubric_version" text NOT NULL,
	"prompt_version" text NOT NULL,
	"cache_key" text NOT NULL,
	"report" jsonb,
	"error" text,
	"requested_by" text,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"usage" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dossier_versions" ADD CONSTRAINT "dossier_versions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passages" ADD CONSTRAINT "passages_version_id_dossier_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."dossier_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_criteria" ADD CONSTRAINT "review_criteria_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_version_id_dossier_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."dossier_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_versions_dossier_version_uq" ON "dossier_versions" USING btree ("dossier_id","version");--> statement-breakpoint
CREATE INDEX "dossiers_owner_idx" ON "dossiers" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "passages_version_idx" ON "passages" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "passages_hash_idx" ON "passages" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "passages_fts_idx" ON "passages" USING gin (to_tsvector('french', "text"));--> statement-breakpoint
CREATE INDEX "reviews_version_idx" ON "reviews" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "reviews_cache_key_idx" ON "reviews" USING btree ("cache_key");--> statement-breakpoint
CREATE INDEX "reviews_status_idx" ON "reviews" USING btree ("status");