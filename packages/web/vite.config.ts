import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // Our shared packages only declare schemas, tables and pure functions: a module none of
      // whose exports the web app uses can be left out (the frame needs role labels, not the
      // rulebook schemas and calendars that sit beside them).
      treeshake: {
        moduleSideEffects: [{ test: /packages[\\/](contracts|domain)[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
