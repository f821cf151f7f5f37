// The browser test of the console's remaining lists (ADR 0033): who was shown a case's personal data, a hall's day of
// bookings by name with check-in, a department's joint reviews answered from the console, and the province's map
// coloured by an indicator with a click that drills down. Headless Chromium (Debian's) against a running platform,
// through the gateway only; the records it works on are made first through the public GraphQL API. Run by
// system-tests' WebBrowserTest or by hand:  ZWY_WEB_BASE=http://127.0.0.1:8080 node web/e2e/console-lists.mjs
import { chromium } from 'playwright-core'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const BASE = process.env.ZWY_WEB_BASE ?? 'http://127.0.0.1:8080'
const OUT = process.env.ZWY_WEB_ARTIFACTS ?? 'target/e2e'
const TENANT = '441825'
mkdirSync(OUT, { recursive: true })

const dirs = []
const contexts = []
/** A signed-out desk browser of its own (1440×900), in Chinese and Beijing time. */
async function desk() {
  const dir = mkdtempSync(join(tmpdir(), 'zwy-lists-'))
  dirs.push(dir)
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.ZWY_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'],
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 },
  })
  contexts.push(context)
  context.on('console', (m) => { if (m.type() === 'error') console.log(`  [console] ${m.text()}`) })
  return context.pages()[0] ?? context.newPage()
}

/** Opens a console page, signing in on Keycloak's form as the given demo account. */
async function openAs(page, path, username) {
  await page.goto(`${BASE}/console${path}`)
  await page.waitForSelector('#username', { timeout: 30000 })
  await page.fill('#username', username)
  await page.fill('#password', 'demo')
  await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/console/'), { timeout: 30000 }), page.click('#kc-login')])
}

async function shot(page, name) {
  const file = join(OUT, `lists-${name}.png`)
  await page.screenshot({ path: file })
  console.log(`  ✓ ${name}  (${file})`)
}

function expect(cond, what) {
  if (!cond) throw new Error(`expected: ${what}`)
}

/** A token of a demo account by the password grant (Keycloak's brute-force lock of another run retried for 90 s). */
async function token(realm, username) {
  const until = Date.now() + 90000
  for (;;) {
    const r = await fetch(`${BASE}/realms/${realm}/protocol/openid-connect/token`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'demo-cli', username, password: 'demo' }),
    })
    if (r.ok) return (await r.json()).access_token
    if (r.status !== 401 || Date.now() > until) throw new Error(`token of ${username}: ${r.status} ${await r.text()}`)
    await new Promise((done) => setTimeout(done, 10000))
  }
}

async function graphql(query, variables, bearer) {
  const r = await fetch(`${BASE}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const body = await r.json()
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`)
  return body.data
}

/** A case of 社会保障卡申领 of 连山 filed by citizen.zhang: its id and number. */
async function fileCase(citizen, item) {
  const input = { idempotencyKey: crypto.randomUUID(), itemId: item.id, applicant: { kind: 'INDIVIDUAL', name: '张三', idNumber: '11010519491231002X' },
    contact: { name: '张三', phone: '13800138000' }, materials: item.materials.map((name) => ({ name, copies: 1 })) }
  const r = await graphql('mutation($i: SubmitCaseInput!) { submitCase(input: $i) { receipt { caseId caseNumber } } }', { i: input }, citizen)
  return r.submitCase.receipt
}

async function main() {
  console.log(`console lists at ${BASE}`)
  const citizen = await token('citizen', 'citizen.zhang')
  const other = await token('citizen', 'citizen.li')
  const clerkToken = await token('staff', 'lianshan.clerk')
  const items = (await graphql('query($t: ID!) { items(tenantCode: $t, first: 100) { edges { node { id name } } } }',
    { t: TENANT })).items.edges.map((e) => e.node)
  const card = items.find((i) => i.name === '社会保障卡申领')
  expect(card, 'the 社会保障卡申领 guide of 连山')
  const guide = (await graphql('query($id: ID!) { item(id: $id) { current { guide { materials { name } } } } }', { id: card.id })).item
  const item = { id: card.id, materials: guide.current.guide.materials.map((m) => m.name) }

  // ------------------------------------------------------------ who was shown the case's personal data (M3)
  const shownCase = await fileCase(citizen, item)
  const clerk = await desk()
  await openAs(clerk, `/cases/${encodeURIComponent(shownCase.caseId)}`, 'lianshan.clerk')
  await clerk.locator('[data-test=reads-table]', { hasText: '尚无人查看' }).waitFor({ timeout: 20000 })
  await clerk.locator('[data-test=show-id]').click()
  const reason = `窗口核验申请人身份（浏览器测试 ${Date.now() % 100000}）`
  await clerk.locator('.el-message-box input').fill(reason)
  await clerk.locator('.el-message-box .el-message-box__btns .el-button--primary').click()
  await clerk.locator('[data-test=applicant-id]', { hasText: '11010519491231002X' }).waitFor()
  const read = clerk.locator('[data-test=reads-table] tr', { hasText: reason })
  await read.waitFor({ timeout: 20000 })
  expect((await read.innerText()).includes('证件号码'), 'the record names the field shown')
  await shot(clerk, 'case-personal-data-reads')

  // ------------------------------------------------------------ a hall's day of bookings by name, checked in from the list (A1, A5)
  const hall = (await graphql('query($t: ID!) { hall(tenantCode: $t) { id name } }', { t: TENANT })).hall
  // WebBrowserTest books one for a person and moves it to today (check-in is on the booking's day only, A5); by hand, the
  // script books one of the coming days itself and the check-in step is left out
  const given = process.env.ZWY_LISTS_BOOKING?.split('|')
  let booking = given ? { bookingCode: given[0], name: given[1], day: given[2] } : null
  for (let d = 1; d < 15 && !booking; d++) {
    const day = new Date(Date.now() + 8 * 3600000 + d * 86400000).toISOString().slice(0, 10)
    const slots = (await graphql('query($t: ID!, $h: ID!, $i: ID!, $d: Date!) { slots(tenantCode: $t, hallId: $h, itemId: $i, date: $d) { id remaining releasesAt } }',
      { t: TENANT, h: hall.id, i: item.id, d: day })).slots.filter((s) => s.remaining > 0 && !s.releasesAt)
    if (!slots.length) continue
    const name = '欧阳' + '娜丽芳秀'[Date.now() % 4] + '华'
    const idNumber = citizenId(Date.now())
    // booked for another person (帮办) by one of the demo citizens (each holds at most a few such bookings at once)
    booking = await graphql('mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { appointment { bookingCode startsAt } } }',
      { i: { idempotencyKey: crypto.randomUUID(), slotId: slots[0].id, itemId: item.id, bookedFor: { name, idNumber } } }, d % 2 ? other : citizen)
      .then((r) => ({ ...r.bookAppointment.appointment, day, name }), (e) => { console.log(`  (booking on ${day} refused: ${e.message})`); return null })
  }
  expect(booking, 'a booking of the main hall in the next two weeks')
  await clerk.goto(`${BASE}/console/bookings`)
  const date = clerk.locator('[data-test=bookings-date] input')
  await date.fill(booking.day)
  await date.press('Enter')
  const row = () => clerk.locator('[data-test=bookings] tr', { hasText: booking.bookingCode })
  await row().waitFor({ timeout: 20000 })
  expect((await row().innerText()).includes('欧***'), 'the name is masked')
  expect(!(await clerk.locator('[data-test=bookings]').innerText()).includes(booking.name), 'no name in full on the list')
  await clerk.locator('input[data-test=bookings-name], [data-test=bookings-name] input').fill(booking.name)
  await clerk.locator('[data-test=bookings-find]').click()
  // only bookings of that name are left (another run's of the same name and day may be among them)
  await clerk.waitForFunction((code) => {
    const rows = [...document.querySelectorAll('[data-test=bookings] tbody tr')]
    return rows.some((r) => r.textContent.includes(code)) && rows.every((r) => r.textContent.includes('欧***'))
  }, booking.bookingCode, { timeout: 20000 })
  await shot(clerk, 'bookings-found-by-name')
  if (given) {
    await row().locator('[data-test=booking-check-in]').click()
    await row().locator('[data-test=booking-status]', { hasText: '已签到' }).waitFor({ timeout: 20000 })
    await shot(clerk, 'bookings-checked-in')
  } else {
    expect(await row().locator('[data-test=booking-check-in]').count() === 0, 'no check-in before the booking\'s day')
  }

  // ------------------------------------------------------------ a department answers its joint review from the console (C10)
  const market = `县市场监督管理局（测试 ${Date.now() % 100000}）`
  const fire = `县消防救援大队（测试 ${Date.now() % 100000}）`
  const jointCase = await fileCase(citizen, item)
  await graphql('mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { id } } }', { i: { caseId: jointCase.caseId, version: 0,
    window: '综合受理窗口 3 号', jointDepartments: [{ department: market, upperApproval: false }, { department: fire, upperApproval: false }] } }, clerkToken)
  const approver = await desk()
  await openAs(approver, '/joint', 'lianshan.approver')
  await approver.locator('[data-test=joint-department] .el-select').click()
  const pick = approver.locator('[data-test=joint-department] input')
  await pick.fill(market)
  await approver.locator('.el-select-dropdown__item', { hasText: market }).first().click()
  const waiting = approver.locator('[data-test=joint-pending] tr', { hasText: jointCase.caseNumber })
  await waiting.waitFor({ timeout: 20000 })
  await shot(approver, 'joint-reviews-waiting')
  await waiting.locator('[data-test=joint-refuse]').click()
  await approver.locator('[data-test=joint-submit]').click()
  await approver.locator('[data-test=joint-error]', { hasText: '不同意须说明理由' }).waitFor()
  await approver.locator('textarea[data-test=joint-opinion], [data-test=joint-opinion] textarea').fill('经营场所消防通道不符合要求，请整改后重新申请')
  await shot(approver, 'joint-review-refusal')
  await approver.locator('[data-test=joint-submit]').click()
  await approver.locator('[data-test=joint-pending] tr', { hasText: jointCase.caseNumber }).waitFor({ state: 'detached', timeout: 20000 })
  // the case page shows the department's opinion
  await approver.goto(`${BASE}/console/cases/${encodeURIComponent(jointCase.caseId)}`)
  await approver.locator('[data-test=joint] tr', { hasText: market }).getByText('不同意').first().waitFor({ timeout: 20000 })
  await shot(approver, 'joint-review-answered')

  // ------------------------------------------------------------ the province map: coloured by the indicator, a click drills down (M2)
  const province = await desk()
  await openAs(province, '/dashboard', 'gd.admin')
  const map = province.locator('[data-test=province-map]')
  await map.locator('canvas').waitFor({ timeout: 30000 })
  await province.locator('[data-test=map-note]', { hasText: '示意图' }).waitFor()
  await shot(province, 'province-map-volume')
  await province.locator('[data-test=rank-by]').click()
  await province.locator('.el-select-dropdown__item', { hasText: '按时办结率' }).click()
  await province.locator('h3', { hasText: '各县分布（示意图） · 按时办结率' }).waitFor()
  await shot(province, 'province-map-on-time-rate')
  // a click on 连山's tile: where the map's fixed layout (centre, 96 % of the smaller side, square cells) puts it
  const tiles = JSON.parse(readFileSync(new URL('../console/src/maps/44-tiles.json', import.meta.url), 'utf8')).tiles
  const box = await map.boundingBox()
  const at = tileCentre(tiles, '441825', box)
  await province.mouse.click(at.x, at.y)
  await province.locator('[data-test=crumbs]', { hasText: '连山' }).waitFor({ timeout: 20000 })
  await province.locator('.screen-hint', { hasText: '大厅' }).waitFor({ timeout: 20000 })
  await shot(province, 'province-map-drilled-into-lianshan')

  await Promise.all(contexts.map((c) => c.close()))
  console.log('console lists passed')
}

/** Where a tile's centre is on the page, by ECharts' layout of a map with layoutCenter 50 %/50 % and layoutSize 96 % (GAP as in logic/provinceMap.ts). */
function tileCentre(tiles, code, box) {
  const GAP = 0.06
  const t = tiles.find((x) => x.code === code)
  const bw = Math.max(...tiles.map((x) => x.x)) + 1 - 2 * GAP
  const bh = Math.max(...tiles.map((x) => x.y)) + 1 - 2 * GAP
  const size = 0.96 * Math.min(box.width, box.height)
  const aspect = bw / bh
  const w = aspect > 1 ? size : size * aspect
  const h = aspect > 1 ? size / aspect : size
  const left = box.x + box.width / 2 - w / 2
  const top = box.y + box.height / 2 - h / 2
  return { x: left + ((t.x + 0.5 - GAP) / bw) * w, y: top + ((t.y + 0.5 - GAP) / bh) * h }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** A valid resident ID number (GB 11643 check character) for the person booked for. */
function citizenId(seed) {
  const birth = new Date(Date.UTC(1950, 0, 1) + (seed % 20000) * 86400000).toISOString().slice(0, 10).replaceAll('-', '')
  const body = `441825${birth}${String(seed % 1000).padStart(3, '0')}`
  const sum = [...body].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0)
  return body + '10X98765432'[sum % 11]
}

main()
  .then(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }) })
  .catch(async (e) => {
    console.error(`console lists FAILED: ${e.stack ?? e}`)
    let i = 0
    for (const c of contexts) for (const p of c.pages()) await p.screenshot({ path: join(OUT, `failed-${++i}.png`) }).catch(() => {})
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
    process.exit(1)
  })
