import { type DragEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPT_ATTRIBUTE, hasAcceptedExtension } from '../lib/upload';
import { UploadIcon } from './icons';

/**
 * Drag-and-drop zone with a file picker. The input stays in the tab order (visually hidden), so the zone is
 * usable from the keyboard and shows a focus ring through `:focus-within`.
 */
export function FileDrop({
  onFile,
  disabled = false,
  disabledHint,
  label,
}: {
  onFile: (file: File) => void;
  disabled?: boolean;
  disabledHint?: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [rejected, setRejected] = useState<string | null>(null);

  function accept(file: File | undefined) {
    if (!file) return;
    if (!hasAcceptedExtension(file.name)) {
      setRejected(file.name);
      return;
    }
    setRejected(null);
    onFile(file);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    accept(event.dataTransfer.files[0]);
  }

  return (
    <div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input inside is the accessible path. */}
      <div
        className="dropzone"
        data-dragging={dragging || undefined}
        data-disabled={disabled || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="dropzone-icon">
          <UploadIcon size={28} />
        </span>
        <label htmlFor={id} className="dropzone-label">
          <strong>{label ?? t('upload.dropTitle')}</strong>
          <span className="dropzone-or">
            {t('upload.or')} <span className="dropzone-pick">{t('upload.pick')}</span>
          </span>
        </label>
        <input
          id={id}
          type="file"
          className="visually-hidden"
          accept={ACCEPT_ATTRIBUTE}
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            accept(event.target.files?.[0]);
            // Let the same file be chosen again after an error.
            event.target.value = '';
          }}
        />
        <p className="dropzone-hint" id={`${id}-hint`}>
          {disabled && disabledHint ? disabledHint : t('upload.formats')}
        </p>
      </div>
      {rejected && (
        <p className="inline-error" role="alert">
          {t('upload.badType', { name: rejected })}
        </p>
      )}
    </div>
  );
}

/** Upload progress: a real progress bar while bytes go out, then an indeterminate « reading » state. */
export function UploadStatus({
  percent,
  stage,
}: {
  percent: number;
  stage: 'sending' | 'reading' | 'reviewing';
}) {
  const { t } = useTranslation();
  const label =
    stage === 'sending'
      ? t('upload.sending', { percent })
      : stage === 'reading'
        ? t('upload.reading')
        : t('upload.requesting');
  return (
    <div className="upload-status" role="status">
      <p className="upload-status-label">{label}</p>
      {stage === 'sending' ? (
        <progress max={100} value={percent} aria-label={label} />
      ) : (
        <progress aria-label={label} />
      )}
    </div>
  );
}
