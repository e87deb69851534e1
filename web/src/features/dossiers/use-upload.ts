import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Dossier, ReviewRequested } from '../../lib/api';
import { uploadWithProgress } from '../../lib/upload';
import { dossierKeys, requestReview } from './queries';

export type UploadStage = 'idle' | 'sending' | 'reading' | 'reviewing';

export interface UploadOutcome {
  dossier: Dossier;
  review: ReviewRequested;
}

/**
 * Upload a draft (new dossier or new version), then request the review of the version it created:
 * the two steps the candidate sees as one.
 */
export function useUploadAndReview() {
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<UploadStage>('idle');
  const [percent, setPercent] = useState(0);
  const [error, setError] = useState<unknown>(null);
  // Set when the file was stored but the review could not be requested: the UI links to the dossier.
  const [stored, setStored] = useState<Dossier | null>(null);
  const abortRef = useRef<(() => void) | null>(null);

  async function start(path: string, form: FormData): Promise<UploadOutcome | null> {
    setError(null);
    setStored(null);
    setPercent(0);
    setStage('sending');
    try {
      const handle = uploadWithProgress(path, form, (p) => {
        if (p.sent) setStage('reading');
        else if (p.total > 0) setPercent(Math.min(100, Math.round((p.loaded / p.total) * 100)));
      });
      abortRef.current = handle.abort;
      const dossier = await handle.promise;
      setStage('reviewing');
      setStored(dossier);
      const latest = Math.max(...dossier.versions.map((v) => v.version));
      const review = await requestReview(dossier.id, latest);
      queryClient.setQueryData(dossierKeys.dossier(dossier.id), dossier);
      void queryClient.invalidateQueries({ queryKey: dossierKeys.all });
      void queryClient.invalidateQueries({ queryKey: dossierKeys.reviews(dossier.id) });
      setStage('idle');
      setStored(null);
      return { dossier, review };
    } catch (err) {
      setError(err);
      setStage('idle');
      return null;
    } finally {
      abortRef.current = null;
    }
  }

  return {
    stage,
    percent,
    error,
    stored,
    busy: stage !== 'idle',
    start,
    cancel: () => abortRef.current?.(),
  };
}
