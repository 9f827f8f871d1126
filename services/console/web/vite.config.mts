import react from '@vitejs/plugin-react';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** The rider's first screen (the shell and the report form; the map loads when asked for): its gzipped script, printed and written to bundle-report.json. */
function firstScreenReport(): Plugin {
  return {
    name: 'first-screen-report',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const files = new Set<string>();
      const add = (file: string) => {
        if (files.has(file)) return;
        files.add(file);
        byFile.get(file)?.imports.forEach(add);
      };
      const starts = [
        chunks.find((c) => c.isEntry),
        ...['rider/RiderApp.tsx'].map((m) => chunks.find((c) => c.facadeModuleId?.endsWith(m))),
      ];
      for (const c of starts) if (c) add(c.fileName);
      const sizes = [...files].map((f) => ({ file: f, gzipBytes: gzipSync(byFile.get(f)?.code ?? "").length }));
      const total = sizes.reduce((sum, s) => sum + s.gzipBytes, 0);
      this.emitFile({ type: 'asset', fileName: 'bundle-report.json', source: JSON.stringify({ riderFirstScreenGzipBytes: total, chunks: sizes }, null, 2) });
      console.log(`rider's first screen: ${(total / 1024).toFixed(1)} KiB of gzipped script in ${sizes.length} chunks`);
    },
  };
}

// `vite` (nx run console:dev) serves the app with hot reload and passes /api to the console's
// server (npm start runs it on 3000); `vite build` writes services/console/dist/web.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), firstScreenReport()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': process.env.CONSOLE_URL ?? 'http://127.0.0.1:3000' } },
});
