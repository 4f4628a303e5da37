'use client';

import { useHydrated } from '@/components/ui/use-hydrated';

/** 인쇄 / PDF로 저장: the browser's print dialog, where "Save as PDF" gives the A4 document. */
export function PrintButton({ label, hint }: { label: string; hint: string }) {
  const hydrated = useHydrated();
  return (
    <div className="no-print">
      <button
        type="button"
        className="button"
        disabled={!hydrated}
        aria-describedby="print-hint"
        onClick={() => window.print()}
      >
        {label}
      </button>
      <p className="hint" id="print-hint">
        {hint}
      </p>
    </div>
  );
}
