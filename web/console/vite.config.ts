import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { fileURLToPath } from 'node:url'
import { precompress } from '../shared/build/precompress'

// Served by the gateway at /console/ (gateway: apps/WebApps); Maven's build writes into the web jar (ZWY_WEB_OUT).
export default defineConfig({
  base: '/console/',
  plugins: [vue(), precompress(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: 'components.d.ts' })],
  resolve: { alias: { '@zwy/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) } },
  build: {
    outDir: process.env.ZWY_WEB_OUT ? `${process.env.ZWY_WEB_OUT}/console` : 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: { output: { manualChunks: { vendor: ['vue', 'vue-router', 'pinia', 'vue-i18n', '@urql/core', '@urql/vue', 'graphql-ws', 'keycloak-js'] } } },
  },
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:8080', ws: true }, '/realms': 'http://127.0.0.1:8080' } },
})
