import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development (`npm run dev -w apps/web`) Vite serves the app and proxies the API; in
// production the API serves the built files from apps/web/dist on the same origin.
const api = process.env.REPS_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true, target: 'es2022' },
  server: { port: 5173, host: '127.0.0.1', proxy: { '/api': api, '/metrics': api } },
});
