import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The staff app: built into web/staff/dist and served by the Loket server at /medewerkers/. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/medewerkers/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
  },
  // `vite --config web/staff/vite.config.ts` during development: the API comes from `npm start`.
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
  },
});
