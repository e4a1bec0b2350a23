import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// pdf.js reads CMaps and standard font data by URL; ship them inside the build (no remote content).
// They go wherever this build goes (`--outDir` included), next to the bundle that asks for them.
function pdfjsAssets(): Plugin {
  let outDir = '';
  return {
    name: 'pdfjs-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      for (const folder of ['cmaps', 'standard_fonts']) {
        cpSync(fileURLToPath(new URL(`./node_modules/pdfjs-dist/${folder}`, import.meta.url)), join(outDir, 'pdfjs', folder), { recursive: true });
      }
    },
  };
}

// The renderer is built to static files served by the shell's app:// protocol (and by the
// end-to-end harness over loopback HTTP). Relative asset paths work under both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), pdfjsAssets()],
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
