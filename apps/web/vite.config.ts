import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    // The BFF serves /api; in development Vite forwards to it so the session cookie stays same-origin.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React changes less often than the console: its own chunk stays cached across releases.
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
});
