import type { ReactNode } from 'react';

/** A form field that is not an input (a place chosen on a map): the form can show its error, nothing more. */
export function Slot({ children }: { children: ReactNode; value?: unknown; onChange?: unknown }) {
  return <>{children}</>;
}
