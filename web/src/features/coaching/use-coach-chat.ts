import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type CoachAnswer, type Conversation, coachingKeys } from './queries';
import { streamCoachAnswer } from './stream';

/** The exchange in flight: the question, the answer as it streams, and the whole answer once `done` is in. */
export interface PendingExchange {
  question: string;
  answer: string;
}

export type CoachChatStatus = 'idle' | 'streaming' | 'answered' | 'failed';

/**
 * Asking the coach about one version: streams the answer into `pending`, then appends the stored exchange
 * to the cached conversation (and refetches it) so the thread shows what the server kept.
 */
export function useCoachChat(dossierId: string, version: number) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingExchange | null>(null);
  const [status, setStatus] = useState<CoachChatStatus>('idle');
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  // Leaving the page stops reading the stream; the server keeps the exchange all the same.
  useEffect(() => () => controller.current?.abort(), []);

  const ask = useCallback(
    async (message: string): Promise<boolean> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const key = coachingKeys.conversation(dossierId, version);
      setError(null);
      setStatus('streaming');
      setPending({ question: message, answer: '' });
      const asked = new Date().toISOString();
      try {
        const result = await streamCoachAnswer({
          dossierId,
          version,
          message,
          signal: abort.signal,
          onDelta: (text) => setPending((p) => (p ? { ...p, answer: p.answer + text } : p)),
        });
        queryClient.setQueryData<Conversation>(key, (old) =>
          old ? appendExchange(old, message, asked, result) : old,
        );
        setPending(null);
        setStatus('answered');
        void queryClient.invalidateQueries({ queryKey: key });
        return true;
      } catch (err) {
        if (abort.signal.aborted) return false;
        setPending(null);
        setError(err);
        setStatus('failed');
        // The server stores the exchange once the answer is ready: a cut connection may only have lost the display.
        void queryClient.invalidateQueries({ queryKey: key });
        return false;
      }
    },
    [dossierId, version, queryClient],
  );

  return { ask, pending, status, error };
}

/** The conversation with a just-answered exchange at its end, until the refetch brings the stored one. */
function appendExchange(
  conversation: Conversation,
  question: string,
  asked: string,
  answer: CoachAnswer,
): Conversation {
  const id = answer.messageId ?? `local-${asked}`;
  return {
    ...conversation,
    messages: [
      ...conversation.messages,
      {
        id: `${id}-question`,
        role: 'user',
        content: question,
        citations: [],
        mode: null,
        refused: false,
        createdAt: asked,
      },
      {
        id,
        role: 'assistant',
        content: answer.answer,
        citations: answer.citations,
        mode: answer.mode,
        refused: answer.refused ?? false,
        createdAt: new Date().toISOString(),
      },
    ],
  };
}
