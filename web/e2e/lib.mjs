// Shared by the browser tests of the web apps (flow.mjs, citizen.mjs; ADR 0025, issue 12): Debian's headless Chromium
// through playwright-core against a running platform, through the gateway only; screenshots of every step.
import { chromium } from 'playwright-core'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const BASE = process.env.ZWY_WEB_BASE ?? 'http://127.0.0.1:8080'
export const OUT = process.env.ZWY_WEB_ARTIFACTS ?? 'target/e2e'
export const CHROMIUM = process.env.ZWY_CHROMIUM ?? '/usr/bin/chromium'
export const TENANT = '441825'
mkdirSync(OUT, { recursive: true })

const dirs = []
const contexts = []
export async function browser(kind) {
  const dir = mkdtempSync(join(tmpdir(), 'zwy-web-'))
  dirs.push(dir)
  const phone = kind === 'phone'
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: phone ? { width: 390, height: 844 } : kind === 'wall' ? { width: 1920, height: 1080 } : { width: 1440, height: 900 },
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
  })
  contexts.push(context)
  context.on('console', (m) => { if (m.type() === 'error') console.log(`  [${kind} console] ${m.text()}`) })
  return context
}

let step = 0
export async function shot(page, name) {
  step += 1
  const file = join(OUT, `${String(step).padStart(2, '0')}-${name}.png`)
  await page.screenshot({ path: file })
  console.log(`  ✓ ${name}  (${file})`)
}

/** Keycloak's sign-in page (proxied by the gateway), then back in the app. */
export async function signIn(page, username) {
  await page.waitForSelector('#username', { timeout: 30000 })
  await page.fill('#username', username)
  await page.fill('#password', 'demo')
  await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/app/') || u.pathname.startsWith('/console/'), { timeout: 30000 }), page.click('#kc-login')])
}

export async function graphql(query, variables, token) {
  const r = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const body = await r.json()
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`)
  return body.data
}

/**
 * A staff token by the demo client's password grant. Keycloak's brute-force protection is shared by every run
 * against the same realm: another run's failed sign-ins can lock a demo account for a minute ("Invalid user
 * credentials" for the right password), so a refusal is retried for up to 90 s.
 */
export async function staffToken(username) {
  const until = Date.now() + 90000
  for (;;) {
    const r = await fetch(`${BASE}/realms/staff/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'demo-cli', username, password: 'demo' }),
    })
    if (r.ok) return (await r.json()).access_token
    const text = await r.text()
    if (r.status !== 401 || Date.now() > until) throw new Error(`token of ${username}: ${r.status} ${text}`)
    console.log(`  (token of ${username} refused, ${text}: retrying in 10 s)`)
    await new Promise((done) => setTimeout(done, 10000))
  }
}

/** The citizen fills in the filing form of the guide on the page (and whatever beforeSubmit adds) and submits; answers the new case's id. */
export async function fileCase(citizen, beforeSubmit = async () => {}) {
  await citizen.locator('[data-test=apply-form] .van-checkbox').first().waitFor()
  await citizen.locator('[data-test=name] input').fill('张三')
  await citizen.locator('[data-test=id-number] input').fill('11010519491231002X')
  await citizen.locator('[data-test=phone] input').fill('13800138000')
  await beforeSubmit()
  await shot(citizen, 'citizen-apply')
  await citizen.locator('[data-test=submit]').click()
  const filed = await Promise.race([
    citizen.waitForURL(/\/app\/cases\/441825:/, { timeout: 30000 }).then(() => ''),
    citizen.locator('.van-toast__text').first().waitFor({ timeout: 30000 }).then(() => citizen.locator('.van-toast__text').first().innerText()),
  ])
  if (filed && !filed.startsWith('已提交')) throw new Error(`the case was not filed: ${filed}`)
  await citizen.waitForURL(/\/app\/cases\/441825:/, { timeout: 30000 })
  await citizen.locator('[data-test=status]', { hasText: '已提交' }).waitFor()
  return decodeURIComponent(new URL(citizen.url()).pathname.split('/').pop())
}

/**
 * On the app's booking page: the first free slot of the first day that takes it. Other tests of a run book for the same
 * demo citizens, and one person has one active booking per item and day (A1).
 */
/** Today's date in Beijing (yyyy-mm-dd), as the slot picker titles its days. */
export function todayInBeijing() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

/**
 * Books the first free slot the picker offers. {@code laterThanToday}: skips today's days, for a flow that moves or
 * cancels the booking afterwards: a slot of today may start within the hour, and such a booking can no longer be
 * changed (cancellableUntil, one hour before its slot).
 */
export async function bookFirstFreeSlot(citizen, { laterThanToday = false } = {}) {
  await citizen.locator('[data-test=days] .van-cell').first().waitFor()
  const dayCount = await citizen.locator('[data-test=days] .van-cell').count()
  for (let i = 0; i < dayCount && !citizen.url().includes('/app/appointments'); i++) {
    const day = citizen.locator('[data-test=days] .van-cell').nth(i)
    if (laterThanToday && (await day.innerText()).includes(todayInBeijing())) continue
    await day.click()
    const free = citizen.locator('[data-test=slots] button:not([disabled])').first()
    if (!(await free.waitFor({ timeout: 5000 }).then(() => true, () => false))) continue
    await free.click()
    await citizen.waitForURL(/\/app\/appointments/, { timeout: 5000 }).catch(() => {})
  }
}

export function expect(cond, what) {
  if (!cond) throw new Error(`expected: ${what}`)
}

/** Runs a browser test: every browser closed and its profile removed at the end; on failure, what each page showed. */
function removeProfiles() {
  // a browser still exiting may write into its profile a moment longer
  for (const d of dirs) { try { rmSync(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }) } catch { /* left in tmp */ } }
}

export function run(main) {
  return main()
    .then(removeProfiles)
    .catch(async (e) => {
      console.error(`web flow FAILED: ${e.stack ?? e}`)
      // what each browser showed when it failed
      let i = 0
      for (const c of contexts) for (const p of c.pages()) await p.screenshot({ path: join(OUT, `failed-${++i}.png`) }).catch(() => {})
      removeProfiles()
      process.exit(1)
    })
}
