import type { ReactNode } from 'react';

/** Small inline SVG icons. Decorative: callers give the accessible text. */
function Svg({
  size,
  strokeWidth = 2,
  children,
}: {
  size: number;
  strokeWidth?: number;
  children: ReactNode;
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function UploadIcon({ size = 20 }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M12 16V4" />
      <path d="m6 10 6-6 6 6" />
      <path d="M4 20h16" />
    </Svg>
  );
}

export function CheckIcon({ size = 18 }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="m5 12 5 5 9-10" />
    </Svg>
  );
}

export function CrossIcon({ size = 18 }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M6 6l12 12M18 6 6 18" />
    </Svg>
  );
}

export function HalfIcon({ size = 18 }: { size?: number }) {
  return (
    <Svg size={size}>
      <circle cx="12" cy="12" r="8" />
      <path d="M12 4v16" />
    </Svg>
  );
}

export function AlertIcon({ size = 18 }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M12 3 2 20h20z" />
      <path d="M12 10v4M12 17h.01" />
    </Svg>
  );
}

export function SearchIcon({ size = 18 }: { size?: number }) {
  return (
    <Svg size={size}>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </Svg>
  );
}

export function FolderIcon({ size = 28 }: { size?: number }) {
  return (
    <Svg size={size} strokeWidth={1.6}>
      <path d="M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
    </Svg>
  );
}

export function ChartIcon({ size = 28 }: { size?: number }) {
  return (
    <Svg size={size} strokeWidth={1.6}>
      <path d="M4 20V4M4 20h16" />
      <path d="m7 15 4-4 3 3 5-6" />
    </Svg>
  );
}
