ALTER TABLE "calibration_run_reviews" DROP CONSTRAINT "calibration_run_reviews_run_id_dossier_id_pk";--> statement-breakpoint
ALTER TABLE "calibration_run_reviews" ADD CONSTRAINT "calibration_run_reviews_run_id_dossier_id_version_pk" PRIMARY KEY("run_id","dossier_id","version");--> statement-breakpoint
ALTER TABLE "calibration_scores" ADD COLUMN "version" integer;--> statement-breakpoint
-- Scores imported before versions were pinned: the latest version is what runs compared them with.
UPDATE "calibration_scores" SET "version" = (SELECT max(v."version") FROM "dossier_versions" v WHERE v."dossier_id" = "calibration_scores"."dossier_id");--> statement-breakpoint
ALTER TABLE "calibration_scores" ALTER COLUMN "version" SET NOT NULL;
