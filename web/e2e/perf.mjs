// First load of the citizen app's first screen on a throttled phone profile (docs/web.md, issue 12):
// Chrome DevTools' "Fast 3G" (562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up) with an empty cache,
// with and without 4× CPU slowdown, measured in Debian's headless Chromium through the gateway.
//   ZWY_WEB_BASE=http://127.0.0.1:8080 node web/e2e/perf.mjs
import { chromium } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const BASE = process.env.ZWY_WEB_BASE ?? 'http://127.0.0.1:8080'
const RUNS = Number(process.env.ZWY_PERF_RUNS ?? 5)
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 / 8) * 0.9, uploadThroughput: (750 * 1024 / 8) * 0.9 }

async function once(cpuSlowdown) {
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
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength })
    const t0 = Date.now()
    await page.goto(`${BASE}/app/`, { waitUntil: 'commit' })
    // the first screen: the search box, ready for typing
    await page.locator('[data-test=search] input').waitFor({ state: 'visible', timeout: 60000 })
    const firstScreen = Date.now() - t0
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)
    await page.waitForLoadState('networkidle')
    return { firstScreen, fcp: fcp == null ? null : Math.round(fcp), kb: Math.round(bytes / 1024) }
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
for (const cpu of [1, 4]) {
  const runs = []
  for (let i = 0; i < RUNS; i++) runs.push(await once(cpu))
  console.log(`Fast 3G, CPU ${cpu}×: first screen (search box visible) median ${median(runs.map((r) => r.firstScreen))} ms `
    + `[${runs.map((r) => r.firstScreen).join(', ')}], first contentful paint median ${median(runs.map((r) => r.fcp))} ms, `
    + `transferred ${median(runs.map((r) => r.kb))} KB`)
}
