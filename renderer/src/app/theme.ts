/**
 * Mantine theme. The provider's runtime <style> injection (CSS variables and global classes) is
 * switched off in App.tsx because the CSP allows no inline styles: the same CSS ships statically
 * in @mantine/core/styles.css, and our colour and font choices in styles/theme-variables.css.
 * Responsive style props and AppShell (which inject <style>) are not used.
 */
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  fontFamily: 'Cairo, sans-serif',
  headings: { fontFamily: 'Cairo, sans-serif' },
  primaryColor: 'teal',
  primaryShade: 9,
  defaultRadius: 'md',
});
