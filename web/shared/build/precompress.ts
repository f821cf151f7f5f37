import type { Plugin } from 'vite'
import { gzipSync, constants } from 'node:zlib'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Writes a .gz beside every built .js, .css, .html and .svg over 1 KB, at the highest level: the gateway
 * sends it to a browser that accepts gzip (apps/WebApps), so a phone on a slow network downloads a
 * quarter of the bytes and the gateway spends no CPU compressing per request.
 */
export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'zwy-precompress',
    apply: 'build',
    configResolved(c) { outDir = c.build.outDir },
    closeBundle() {
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const path = join(dir, name)
          if (statSync(path).isDirectory()) { walk(path); continue }
          if (!/\.(js|css|html|svg)$/.test(name) || statSync(path).size < 1024) continue
          writeFileSync(path + '.gz', gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }))
        }
      }
      walk(outDir)
    },
  }
}
