import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/** Lets a wide table scroll sideways on small screens; focusable so keyboard users can scroll it too. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box
      role="region"
      aria-label={label}
      tabIndex={0}
      // relative: visually hidden (absolute) cells inside the table stay inside the scroller, not past the page edge.
      style={{ position: 'relative', overflowX: 'auto', WebkitOverflowScrolling: 'touch' }}
    >
      {children}
    </Box>
  );
}
