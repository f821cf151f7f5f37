import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

// Unit tests of the shared code, the stores and components (jsdom); the browser test is e2e/flow.mjs.
export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@zwy/shared': fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)) } },
  test: { environment: 'jsdom', include: ['*/src/**/*.test.ts'], setupFiles: ['./vitest.setup.ts'] },
})
