import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
  focusRing: 'auto',
  // A person who asked their phone or computer for less motion gets menus, dialogs and notices without
  // transitions (WCAG 2.3.3).
  respectReducedMotion: true,
  components: {
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
    // Issue 17: a number out of range is refused with the range named, never changed on blur.
    NumberInput: { defaultProps: { clampBehavior: 'none' } },
  },
});

// Mantine's default "dimmed" grey is 3.3:1 on white; this one is 6:1, so secondary text meets WCAG AA.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-placeholder': '#6c757d',
    // Light-variant text (active nav link, light buttons) stays >= 4.5:1 even on the hover tint.
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-blue-light': 'var(--mantine-color-blue-0)',
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    // Issue 17 (axe): orange-9 and green-8 titles on their light tints were 3.6:1 ("Almost there", "Well done");
    // these are >= 6:1 on the tints and on white.
    '--mantine-color-orange-light-color': '#9c3d00',
    '--mantine-color-green-light-color': '#1b5e20',
    // Field errors (input text, border and message) in a red that is >= 4.5:1 on white.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
