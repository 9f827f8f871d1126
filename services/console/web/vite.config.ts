import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite` (nx run console:dev) serves the app with hot reload and passes /api to the console's
// server (npm start runs it on 3000); `vite build` writes services/console/dist/web.
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': process.env.CONSOLE_URL ?? 'http://127.0.0.1:3000' } },
});
