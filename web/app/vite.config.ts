import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

// Served by the gateway at /app/ (gateway: apps/WebApps); Maven's build writes into the web jar (ZWY_WEB_OUT).
export default defineConfig({
  base: '/app/',
  plugins: [vue()],
  resolve: { alias: { '@zwy/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) } },
  build: {
    outDir: process.env.ZWY_WEB_OUT ? `${process.env.ZWY_WEB_OUT}/app` : 'dist',
    emptyOutDir: true,
    rollupOptions: { output: { manualChunks: { vendor: ['vue', 'vue-router', 'pinia', 'vue-i18n', '@urql/core', '@urql/vue', 'graphql-ws'] } } },
  },
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:8080', ws: true }, '/realms': 'http://127.0.0.1:8080' } },
})
