import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built to static files served by the shell's app:// protocol (and by the
// end-to-end harness over loopback HTTP). Relative asset paths work under both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    // A desktop app loads its bundle from local disk; one chunk is simplest and fast.
    chunkSizeWarningLimit: 2000,
    // Inline assets would need `data:` fonts in the CSP; keep every asset a file.
    assetsInlineLimit: 0,
  },
});
