import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FillBar } from '../../components/fill-bar';
import styles from './practice-timer.module.css';

const MINUTE = 60_000;
/** The clock redraws four times a second; time itself comes from `Date.now()`, so ticks may be late. */
const TICK_MS = 250;

export interface PracticeTimer {
  /** Milliseconds elapsed and left, within `[0, total]`. */
  elapsed: number;
  remaining: number;
  running: boolean;
  finished: boolean;
  start: () => void;
  pause: () => void;
  reset: () => void;
}

/** A countdown of `totalMs` that can be paused and reset; it stops by itself at zero. */
export function usePracticeTimer(totalMs: number): PracticeTimer {
  const [run, setRun] = useState<{ before: number; startedAt: number | null }>({
    before: 0,
    startedAt: null,
  });
  const [, setTick] = useState(0);

  useEffect(() => {
    if (run.startedAt === null) return;
    const id = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => clearInterval(id);
  }, [run.startedAt]);

  const elapsed = Math.min(totalMs, run.before + (run.startedAt === null ? 0 : Date.now() - run.startedAt));
  const finished = elapsed >= totalMs;

  useEffect(() => {
    if (finished && run.startedAt !== null) setRun({ before: totalMs, startedAt: null });
  }, [finished, run.startedAt, totalMs]);

  const start = useCallback(
    () => setRun((r) => (r.startedAt !== null || r.before >= totalMs ? r : { ...r, startedAt: Date.now() })),
    [totalMs],
  );
  const pause = useCallback(
    () =>
      setRun((r) =>
        r.startedAt === null
          ? r
          : { before: Math.min(totalMs, r.before + Date.now() - r.startedAt), startedAt: null },
      ),
    [totalMs],
  );
  const reset = useCallback(() => setRun({ before: 0, startedAt: null }), []);

  return {
    elapsed,
    remaining: totalMs - elapsed,
    running: run.startedAt !== null && !finished,
    finished,
    start,
    pause,
    reset,
  };
}

/** `mm:ss`, rounding up so that the clock shows 20:00 at the start and reaches 00:00 only at the end. */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Remaining times worth announcing, in ms, highest first: every 5 minutes, the last minute, the start of each
 * part of the suggested split, and the end. Announcing every second would drown a screen reader.
 */
export function milestones(totalMs: number, partEnds: number[]): { at: number; part: number | null }[] {
  const marks = new Map<number, number | null>();
  for (let at = totalMs - 5 * MINUTE; at > 0; at -= 5 * MINUTE) marks.set(at, null);
  if (totalMs > MINUTE) marks.set(MINUTE, null);
  // A part starts when the one before it ends: the remaining time at that moment.
  partEnds.slice(0, -1).forEach((end, i) => {
    const at = totalMs - end;
    if (at > 0 && at < totalMs) marks.set(at, i + 1);
  });
  marks.set(0, null);
  return [...marks.entries()].map(([at, part]) => ({ at, part })).sort((a, b) => b.at - a.at);
}

export interface PracticePart {
  part: string;
  minutes: number;
}

/**
 * The timed practice: a countdown on the oral's length with start, pause and reset, the suggested split with
 * the current part marked, and a polite live region that announces the time left at milestones only.
 */
export function PracticeTimerView({ minutes, split }: { minutes: number; split: PracticePart[] }) {
  const { t } = useTranslation();
  const totalMs = Math.max(1, minutes) * MINUTE;
  const timer = usePracticeTimer(totalMs);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(timer.remaining);

  const partEnds = useMemo(() => {
    const ends: number[] = [];
    for (const p of split) ends.push((ends[ends.length - 1] ?? 0) + p.minutes * MINUTE);
    return ends;
  }, [split]);
  const marks = useMemo(() => milestones(totalMs, partEnds), [totalMs, partEnds]);
  const current =
    timer.elapsed === 0 || timer.finished ? -1 : partEnds.findIndex((end) => timer.elapsed < end);

  const spoken = useCallback(
    (ms: number) => {
      const seconds = Math.ceil(Math.max(0, ms) / 1000);
      const m = Math.floor(seconds / 60);
      const s = seconds % 60;
      const parts = [
        ...(m > 0 ? [t('oral.timer.minutes', { count: m })] : []),
        ...(s > 0 || m === 0 ? [t('oral.timer.seconds', { count: s })] : []),
      ];
      return parts.join(' ');
    },
    [t],
  );

  useEffect(() => {
    const before = previous.current;
    previous.current = timer.remaining;
    if (timer.remaining >= before) return;
    const crossed = marks.filter((m) => before > m.at && timer.remaining <= m.at);
    const last = crossed[crossed.length - 1];
    if (!last) return;
    if (last.at === 0) setAnnouncement(t('oral.timer.timeUp'));
    else if (last.part !== null)
      setAnnouncement(
        t('oral.timer.partStarts', { part: split[last.part]?.part ?? '', time: spoken(timer.remaining) }),
      );
    else setAnnouncement(t('oral.timer.left', { time: spoken(last.at) }));
  }, [timer.remaining, marks, t, split, spoken]);

  function start() {
    const fresh = timer.elapsed === 0 || timer.finished;
    // At zero, the same button starts a new run.
    if (timer.finished) timer.reset();
    timer.start();
    setAnnouncement(
      fresh
        ? t('oral.timer.started', { time: spoken(totalMs) })
        : t('oral.timer.resumed', { time: spoken(timer.remaining) }),
    );
  }
  function pause() {
    timer.pause();
    setAnnouncement(t('oral.timer.paused', { time: spoken(timer.remaining) }));
  }
  function reset() {
    timer.reset();
    setAnnouncement(t('oral.timer.wasReset', { time: spoken(totalMs) }));
  }

  const percent = Math.round((timer.elapsed / totalMs) * 100);
  return (
    <div className="oral-timer">
      <p className={`${styles.oralClock}${timer.finished ? ` ${styles.isFinished}` : ''}`} role="timer">
        <span className="visually-hidden">{t('oral.timer.remainingLabel')} </span>
        {formatClock(timer.remaining)}
      </p>
      <p className={`${styles.oralTimerState} muted small`}>
        {timer.finished
          ? t('oral.timer.timeUp')
          : timer.running
            ? t('oral.timer.running')
            : timer.elapsed > 0
              ? t('oral.timer.pausedShort')
              : t('oral.timer.ready')}
      </p>
      <FillBar percent={percent} />
      <div className={styles.oralTimerControls}>
        {timer.running ? (
          <button type="button" className="button button-primary" onClick={pause}>
            {t('oral.timer.pause')}
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={start}>
            {timer.finished
              ? t('oral.timer.again')
              : timer.elapsed > 0
                ? t('oral.timer.resume')
                : t('oral.timer.start')}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          onClick={reset}
          disabled={timer.elapsed === 0}
        >
          {t('oral.timer.reset')}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {split.length > 0 && (
        <>
          <h3 className={styles.oralSplitTitle}>{t('oral.splitTitle')}</h3>
          <ol className={styles.oralSplit}>
            {split.map((p, i) => (
              <li
                key={p.part}
                className={i === current ? 'is-current' : undefined}
                aria-current={i === current ? 'step' : undefined}
              >
                <span className={styles.oralSplitMinutes}>
                  {t('oral.minutesShort', { count: p.minutes })}
                </span>
                <span>{p.part}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
