import type { Plugin } from 'vite'
import { createHash } from 'node:crypto'

const ICON_CSS = /[\\/]vant[\\/]es[\\/]icon[\\/]index\.css$/
const FONT_FACE = /@font-face\s*\{[^}]*font-family:\s*['"]?vant-icon[^}]*\}/

/**
 * Vant's icon font is a 25 KB woff2 inlined as base64 into the CSS, which blocks the first paint of
 * every page, and it names a third-party CDN (at.alicdn.com) as a fallback source. This takes the
 * @font-face out of Vant's icon stylesheet before bundling (so the bundle's hashes are of what is
 * served) into a stylesheet of its own that loads once the page has loaded (icons appear a moment
 * later), keeping only the inlined source: the app fetches nothing from a third party. Not earlier: a
 * "print" stylesheet is still downloaded at once and took a quarter of a slow network's bandwidth from
 * the first screen's scripts (docs/web.md, Fast 3G).
 */
export function asyncIconFont(): Plugin {
  let base = '/'
  let fontCss = ''
  let fileName = ''
  return {
    name: 'zwy-async-icon-font',
    apply: 'build',
    configResolved(c) { base = c.base },
    transform(code, id) {
      if (!ICON_CSS.test(id)) return null
      const m = code.match(FONT_FACE)
      if (!m) return null
      fontCss = m[0].replace(/,\s*url\(\s*['"]?\/\/at\.alicdn\.com[^)]*\)\s*format\([^)]*\)/g, '')
      return { code: code.replace(m[0], ''), map: null }
    },
    generateBundle() {
      if (!fontCss) return
      fileName = `assets/icon-font-${createHash('sha256').update(fontCss).digest('hex').slice(0, 8)}.css`
      this.emitFile({ type: 'asset', fileName, source: fontCss })
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!fileName) return html
        // asked for after the load event: the first screen's script and style have the network to themselves
        const href = JSON.stringify(base + fileName)
        const script = `<script>addEventListener('load', function () { var l = document.createElement('link'); l.rel = 'stylesheet'; `
          + `l.href = ${href}; document.head.appendChild(l) })</script>`
        return html.replace('</head>', `  ${script}\n  </head>`)
      },
    },
  }
}
