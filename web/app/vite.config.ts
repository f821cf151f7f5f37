import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import VueI18n from '@intlify/unplugin-vue-i18n/vite'
import { fileURLToPath } from 'node:url'
import { precompress } from '../shared/build/precompress'
import { asyncIconFont } from '../shared/build/icon-font'

const gateway = process.env.ZWY_GATEWAY ?? 'http://127.0.0.1:8080'

// Served by the gateway at /app/ (gateway: apps/WebApps); Maven's build writes into the web jar (ZWY_WEB_OUT).
export default defineConfig({
  base: '/app/',
  // Vant's components and only their own styles, imported where a template uses them (not the whole library's CSS)
  plugins: [vue(), asyncIconFont(), precompress(), Components({ resolvers: [VantResolver()], dts: 'components.d.ts' }),
    VueI18n({ include: [fileURLToPath(new URL('./src/locales/**', import.meta.url))], runtimeOnly: true, compositionOnly: true, fullInstall: false, dropMessageCompiler: true })],
  resolve: { alias: { '@zwy/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) } },
  build: {
    outDir: process.env.ZWY_WEB_OUT ? `${process.env.ZWY_WEB_OUT}/app` : 'dist',
    emptyOutDir: true,
    rollupOptions: { output: { manualChunks: { vendor: ['vue', 'vue-router', 'pinia'] } } },
  },
  // `npm run dev` against a running gateway (ZWY_GATEWAY, default the demo's :8080)
  // (the upload path takes same-origin requests only, as the gateway serves the app: the dev server's origin is dropped)
  server: { proxy: { '/graphql': { target: gateway, ws: true }, '/realms': gateway,
    '/uploads': { target: gateway, configure: (proxy) => proxy.on('proxyReq', (req) => req.removeHeader('origin')) } } },
})
