// First load of the citizen app's first screen on a throttled phone profile (docs/web.md, issue 12):
// Chrome DevTools' "Fast 3G" (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up) with an empty cache,
// with and without 4× CPU slowdown, measured in Debian's headless Chromium through the gateway.
//   ZWY_WEB_BASE=http://127.0.0.1:8080 node web/e2e/perf.mjs
// ZWY_WEB_BASE may name several builds, comma-separated (e.g. two static servers of a before and an after build): their
// runs alternate, so a busy machine slows each alike. "bytes in" is when the last response of the first screen ended
// (the network's share); the rest up to "first screen" is the phone's CPU running the scripts.
import { chromium } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const BASES = (process.env.ZWY_WEB_BASE ?? 'http://127.0.0.1:8080').split(',')
const RUNS = Number(process.env.ZWY_PERF_RUNS ?? 5)
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 / 8) * 0.9, uploadThroughput: (750 * 1024 / 8) * 0.9 }

async function once(base, cpuSlowdown) {
  const dir = mkdtempSync(join(tmpdir(), 'zwy-perf-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.ZWY_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'],
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
  })
  try {
    const page = context.pages()[0] ?? await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', FAST_3G)
    if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown })
    let bytes = 0
    let lastIn = 0
    let ready = 0
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; if (!ready) lastIn = Date.now() })
    const t0 = Date.now()
    await page.goto(`${base}/app/`, { waitUntil: 'commit' })
    // the first screen: the search box, ready for typing
    await page.locator('[data-test=search] input').waitFor({ state: 'visible', timeout: 60000 })
    ready = Date.now()
    const firstScreen = ready - t0
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)
    await page.waitForLoadState('networkidle')
    return { firstScreen, bytesIn: lastIn - t0, fcp: fcp == null ? null : Math.round(fcp), kb: Math.round(bytes / 1024) }
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
for (const cpu of [1, 4]) {
  const runs = Object.fromEntries(BASES.map((b) => [b, []]))
  for (let i = 0; i < RUNS; i++) for (const b of BASES) runs[b].push(await once(b, cpu))
  for (const b of BASES) {
    const r = runs[b]
    console.log(`${b} Fast 3G, CPU ${cpu}×: first screen (search box visible) median ${median(r.map((x) => x.firstScreen))} ms `
      + `[${r.map((x) => x.firstScreen).join(', ')}], bytes in median ${median(r.map((x) => x.bytesIn))} ms, `
      + `first contentful paint median ${median(r.map((x) => x.fcp))} ms, transferred ${median(r.map((x) => x.kb))} KB`)
  }
}
