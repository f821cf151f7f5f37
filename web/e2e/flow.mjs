// The browser test of the web apps (ADR 0025, issue 12): a real headless Chromium (Debian's) drives the
// citizen H5 app on a phone-sized viewport and the staff console against a running platform, through the
// gateway only. Run by system-tests' WebBrowserTest (./platform test) or by hand:
//   ZWY_WEB_BASE=http://127.0.0.1:8080 node web/e2e/flow.mjs
// Screenshots of every step go to ZWY_WEB_ARTIFACTS (default target/e2e). Exits non-zero on the first failure.
import { chromium } from 'playwright-core'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const BASE = process.env.ZWY_WEB_BASE ?? 'http://127.0.0.1:8080'
const OUT = process.env.ZWY_WEB_ARTIFACTS ?? 'target/e2e'
const CHROMIUM = process.env.ZWY_CHROMIUM ?? '/usr/bin/chromium'
const TENANT = '441825'
mkdirSync(OUT, { recursive: true })

const dirs = []
const contexts = []
async function browser(kind) {
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
async function shot(page, name) {
  step += 1
  const file = join(OUT, `${String(step).padStart(2, '0')}-${name}.png`)
  await page.screenshot({ path: file })
  console.log(`  ✓ ${name}  (${file})`)
}

/** Keycloak's sign-in page (proxied by the gateway), then back in the app. */
async function signIn(page, username) {
  await page.waitForSelector('#username', { timeout: 30000 })
  await page.fill('#username', username)
  await page.fill('#password', 'demo')
  await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/app/') || u.pathname.startsWith('/console/'), { timeout: 30000 }), page.click('#kc-login')])
}

async function graphql(query, variables, token) {
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
async function staffToken(username) {
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

/** The citizen fills in the filing form of the guide on the page and submits; answers the new case's id. */
async function fileCase(citizen) {
  await citizen.locator('[data-test=apply-form] .van-checkbox').first().waitFor()
  await citizen.locator('[data-test=name] input').fill('张三')
  await citizen.locator('[data-test=id-number] input').fill('11010519491231002X')
  await citizen.locator('[data-test=phone] input').fill('13800138000')
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

/** Element Plus's prompt (ElMessageBox.prompt): types the answer and confirms. */
async function answerPrompt(page, text) {
  const box = page.locator('.el-message-box')
  await box.locator('input').fill(text)
  await box.locator('.el-message-box__btns .el-button--primary').click()
}

function expect(cond, what) {
  if (!cond) throw new Error(`expected: ${what}`)
}

async function main() {
  console.log(`web apps at ${BASE}`)
  // ------------------------------------------------------------ the citizen, on a phone
  const phone = await browser('phone')
  const citizen = phone.pages()[0] ?? await phone.newPage()
  await citizen.goto(`${BASE}/app/`)
  await citizen.locator('[data-test=search] input').fill('社保卡')
  await citizen.locator('[data-test=results]').getByText('社会保障卡申领').first().waitFor()
  await shot(citizen, 'citizen-search-chinese')
  // pinyin as typed on a phone keyboard without the IME: the suggestions find the guide too
  await citizen.locator('[data-test=search] input').fill('shebaoka')
  await citizen.locator('[data-test=suggestions], [data-test=results]').getByText('社会保障卡').first().waitFor()
  await shot(citizen, 'citizen-search-pinyin')
  await citizen.locator('[data-test=search] input').fill('社保卡')
  await citizen.locator('[data-test=results] .van-cell', { hasText: '连山' }).filter({ hasText: '社会保障卡申领' }).first().click()
  await citizen.locator('[data-test=guide-name]').waitFor()
  const guideId = decodeURIComponent(new URL(citizen.url()).pathname.split('/').pop())
  expect((await citizen.locator('[data-test=materials]').innerText()).includes('居民身份证'), 'the guide lists its materials')
  await shot(citizen, 'citizen-guide')
  await citizen.locator('[data-test=apply]').click()
  await signIn(citizen, 'citizen.zhang')
  const caseId = await fileCase(citizen)
  const caseNumber = (await citizen.getByText(/^办件编号：/).first().innerText()).replace('办件编号：', '').trim()
  expect(/^441825-\d{4}-\d+$/.test(caseNumber), `the receipt's case number is shown (${caseNumber})`)
  await shot(citizen, 'citizen-case-submitted')
  // from here the citizen's page is never reloaded: every change must arrive over the subscription
  let navigations = 0
  citizen.on('framenavigated', (f) => { if (f === citizen.mainFrame()) navigations += 1 })

  // ------------------------------------------------------------ the clerk, in the console
  const desk = await browser('desk')
  const clerk = desk.pages()[0] ?? await desk.newPage()
  await clerk.goto(`${BASE}/console/`)
  await signIn(clerk, 'lianshan.clerk')
  await clerk.locator('[data-test=tenant]', { hasText: '连山' }).waitFor()
  const roles = await clerk.locator('[data-test=role]').allInnerTexts()
  expect(roles.includes('收件窗口'), `the clerk's role is shown (${roles})`)
  expect(await clerk.locator('[data-test=menu-dashboard]').count() === 0, 'no provincial dashboard in a clerk\'s menu (T7)')
  const row = clerk.locator('[data-test=inbox] tr', { hasText: caseNumber })
  await row.waitFor({ timeout: 30000 })
  await shot(clerk, 'clerk-inbox')
  await row.click()
  await clerk.locator('[data-test=accept]').waitFor()
  await shot(clerk, 'clerk-case')
  await clerk.locator('[data-test=accept]').click()
  await clerk.locator('[data-test=status]', { hasText: '已受理' }).waitFor()
  await shot(clerk, 'clerk-accepted')
  await citizen.locator('[data-test=status]', { hasText: '已受理' }).waitFor({ timeout: 20000 })
  await shot(citizen, 'citizen-sees-acceptance-live')

  // ------------------------------------------------------------ the approver completes it
  const desk2 = await browser('desk')
  const approver = desk2.pages()[0] ?? await desk2.newPage()
  await approver.goto(`${BASE}/console/cases/${encodeURIComponent(caseId)}`)
  await signIn(approver, 'lianshan.approver')
  await approver.locator('[data-test=approve]').click()
  await approver.locator('[data-test=status]', { hasText: '已办结' }).waitFor()
  await shot(approver, 'approver-completed')
  await citizen.locator('[data-test=status]', { hasText: '已办结' }).waitFor({ timeout: 20000 })
  const timeline = await citizen.locator('[data-test=timeline]').innerText()
  expect(navigations === 0, `the citizen's page was not reloaded (${navigations} navigations)`)
  await shot(citizen, 'citizen-sees-completion-live')
  // 一事一评 (V2): two stars for the finished case, a bad review needs a reason (V5); the centre takes it up below (V6)
  await citizen.locator('[data-test=stars] .van-rate__item').nth(1).click()
  await citizen.locator('[data-test=review] .van-checkbox').first().click()
  await citizen.locator('[data-test=submit-review]').click()
  await citizen.locator('[data-test=reviewed]').waitFor({ timeout: 20000 })
  await shot(citizen, 'citizen-reviewed')
  console.log(`  case ${caseNumber}: timeline on the phone without a reload:\n    ${timeline.split('\n').filter(Boolean).join(' | ')}`)

  // ------------------------------------------------------------ a one-time notice (C2), built in the console, seen live on the phone
  await citizen.goto(`${BASE}/app/apply/${encodeURIComponent(guideId)}`)
  const secondId = await fileCase(citizen)
  await clerk.goto(`${BASE}/console/cases/${encodeURIComponent(secondId)}`)
  await clerk.locator('[data-test=notice]').click()
  const dialog = clerk.locator('.el-dialog', { hasText: '一次性告知书' })
  await dialog.locator('.el-checkbox', { hasText: '近期免冠彩色证件照片' }).click()
  await dialog.locator('[data-test=problem-FAULTY]').click()
  await dialog.locator('.notice-row input[placeholder="补正方式"]').fill('照片为黑白复印件，请提交近期免冠彩色照片原件，白底一寸')
  await shot(clerk, 'clerk-one-time-notice')
  await dialog.locator('[data-test=issue-notice]').click()
  await clerk.locator('[data-test=status]', { hasText: '待补正' }).waitFor()
  await citizen.locator('[data-test=notice]', { hasText: '近期免冠彩色证件照片：不符合要求' }).waitFor({ timeout: 20000 })
  expect((await citizen.locator('[data-test=notice]').innerText()).includes('白底一寸'), 'the citizen reads how to fix it')
  await shot(citizen, 'citizen-sees-notice-live')
  // the citizen answers it; the clerk's page, open on the case, follows without a reload
  await citizen.locator('[data-test=correct]').click()
  await citizen.locator('[data-test=status]', { hasText: '已提交' }).waitFor()
  await clerk.locator('[data-test=status]', { hasText: '已提交' }).waitFor({ timeout: 20000 })
  await clerk.locator('[data-test=accept]').waitFor()
  await shot(clerk, 'clerk-sees-correction-live')
  // the masked ID number shown in full only with a reason, recorded (M3); then accepted and an extension asked (C6)
  expect((await clerk.locator('[data-test=applicant-id]').innerText()).includes('*'), 'the ID number is masked')
  await clerk.locator('[data-test=show-id]').click()
  await answerPrompt(clerk, '窗口核验申请人身份')
  await clerk.locator('[data-test=applicant-id]', { hasText: '11010519491231002X' }).waitFor()
  await clerk.locator('[data-test=accept]').click()
  await clerk.locator('[data-test=status]', { hasText: '已受理' }).waitFor()
  await clerk.locator('[data-test=request-extension]').click()
  await clerk.locator('[data-test=extension-days] input').fill('2')
  await clerk.locator('[data-test=extension-reason]').fill('需现场核查申请人提供的社保缴费记录')
  await clerk.locator('[data-test=submit-extension]').click()
  await clerk.locator('[data-test=extension-state]', { hasText: '待审批' }).waitFor()
  await shot(clerk, 'clerk-extension-requested')
  // the inbox's other queues: cases received here for other tenants (C12)
  await clerk.goto(`${BASE}/console/cases`)
  await clerk.locator('[data-test=queue-RECEIVED_FOR_OTHERS]').click()
  await clerk.locator('.screen-hint', { hasText: '代收' }).waitFor()

  // ------------------------------------------------------------ the citizen books a slot and shows its QR code
  await citizen.goto(`${BASE}/app/guides/${encodeURIComponent(guideId)}`)
  await citizen.locator('[data-test=book]').click()
  // signed in again by Keycloak's session, no password. The first free slot of the first day that takes it: other tests of
  // a run book for the same demo citizen, and one person has one active booking per item and day (A1)
  await citizen.locator('[data-test=days] .van-cell').first().waitFor()
  const dayCount = await citizen.locator('[data-test=days] .van-cell').count()
  for (let i = 0; i < dayCount && !citizen.url().includes('/app/appointments'); i++) {
    await citizen.locator('[data-test=days] .van-cell').nth(i).click()
    const free = citizen.locator('[data-test=slots] button:not([disabled])').first()
    if (!(await free.waitFor({ timeout: 5000 }).then(() => true, () => false))) continue
    await free.click()
    await citizen.waitForURL(/\/app\/appointments/, { timeout: 5000 }).catch(() => {})
  }
  await citizen.locator('[data-test=appointment] img').first().waitFor({ timeout: 20000 })
  const code = (await citizen.locator('[data-test=booking-code]').first().innerText()).trim()
  expect(code.length > 0, 'the appointment shows its booking code')
  await shot(citizen, 'citizen-appointment-qr')
  // the citizen's messages: the receipt and the acceptance of this run's case among them
  await citizen.locator('[data-test=tab-messages]').click()
  await citizen.locator('[data-test=messages]', { hasText: caseNumber }).waitFor({ timeout: 20000 })
  await shot(citizen, 'citizen-messages')
  // a ticket from the phone: a category the hall serves, then the people ahead (A5)
  await citizen.goto(`${BASE}/app/ticket`)
  await citizen.locator('[data-test=categories] .van-cell').first().click()
  await citizen.locator('[data-test=people-ahead]', { hasText: '前面还有' }).waitFor({ timeout: 20000 })
  await shot(citizen, 'citizen-ticket')
  // a complaint filed on the phone (P1); it shows in the citizen's list as waiting for acceptance
  const grievance = `窗口人员态度生硬（浏览器测试 ${Date.now()}）`
  await citizen.goto(`${BASE}/app/complaint`)
  await citizen.locator('[data-test=complaint-reason] textarea').fill(grievance)
  await citizen.locator('[data-test=complaint-phone] input').fill('13800138000')
  await citizen.locator('[data-test=submit-complaint]').click()
  await citizen.locator('[data-test=my-complaints] .van-cell', { hasText: grievance }).locator('[data-test=complaint-state]', { hasText: '待受理' }).waitFor({ timeout: 20000 })
  await shot(citizen, 'citizen-complaint')

  // ------------------------------------------------------------ the hall's calling display
  const hall = (await graphql('query($t: ID!) { hall(tenantCode: $t) { id name } }', { t: TENANT })).hall
  const wall = await browser('wall')
  const display = wall.pages()[0] ?? await wall.newPage()
  await display.goto(`${BASE}/console/display/${TENANT}/${encodeURIComponent(hall.id)}`)
  await display.getByText(hall.name).first().waitFor()
  const clerkToken = await staffToken('lianshan.clerk')
  const windows = (await graphql('query($t: ID!, $h: ID) { windows(tenantCode: $t, hallId: $h) { id name categories { code } } }',
    { t: TENANT, h: hall.id }, clerkToken)).windows.filter((w) => w.categories.length)
  expect(windows.length > 0, 'a window of the main hall serves a category')
  const win = windows[0]
  await graphql('mutation($i: TakeTicketInput!) { takeTicket(input: $i) { ticket { number } } }',
    { i: { idempotencyKey: crypto.randomUUID(), tenantCode: TENANT, hallId: hall.id, businessCategory: win.categories[0].code } }, clerkToken)
  // the clerk's queue panel, on the window just found, calls the next ticket
  await clerk.evaluate((id) => localStorage.setItem('zwy.windowId', id), win.id)
  await clerk.goto(`${BASE}/console/queue`)
  await clerk.locator('[data-test=call-next]').click()
  const number = (await clerk.locator('[data-test=ticket] .number').innerText()).trim()
  await shot(clerk, 'clerk-queue-called')
  await display.locator('[data-test=call]', { hasText: number }).waitFor({ timeout: 20000 })
  await shot(display, 'hall-display-live')

  // ------------------------------------------------------------ a complaint received on site, recorded and accepted by the centre (P1, P2)
  const reason = `窗口工作人员未一次性告知所需材料（浏览器测试 ${Date.now()}）`
  const desk3 = await browser('desk')
  const centre = desk3.pages()[0] ?? await desk3.newPage()
  await centre.goto(`${BASE}/console/complaints`)
  await signIn(centre, 'lianshan.admin')
  await centre.locator('[data-test=record-complaint]').click()
  const form = centre.locator('.el-dialog', { hasText: '登记投诉' })
  await form.locator('[data-test=record-name]').fill('王五')
  await form.locator('[data-test=record-phone]').fill('13900139000')
  await form.locator('[data-test=record-reason]').fill(reason)
  await form.locator('[data-test=submit-record]').click()
  const complaint = centre.locator('[data-test=complaints] tr', { hasText: reason })
  await complaint.locator('.deadline-ok', { hasText: '受理' }).waitFor({ timeout: 20000 })
  await shot(centre, 'centre-complaints')
  await complaint.locator('[data-test=complaint-accept]').click()
  await centre.locator('[data-test=submit-complaint]').click()
  await centre.locator('[data-test=complaints] tr', { hasText: reason }).locator('[data-test=complaint-row-state]', { hasText: '办理中' }).waitFor()
  // the citizen's bad review of the first case, in the rectification loop: assigned to the clerk who served, verified and answered
  await centre.goto(`${BASE}/console/reviews`)
  const review = () => centre.locator('[data-test=reviews] tr', { hasText: caseNumber })
  await review().locator('[data-test=rect-state]', { hasText: '待指派' }).waitFor({ timeout: 20000 })
  await review().locator('[data-test=step-assign]').click()
  await centre.locator('[data-test=assignee]').fill('lianshan.clerk')
  await centre.locator('[data-test=submit-step]').click()
  await review().locator('[data-test=rect-state]', { hasText: '待核实答复' }).waitFor()
  await review().locator('[data-test=step-verify]').click()
  await centre.locator('[data-test=reply]').fill('您反映的情况属实，已责成窗口改进，感谢监督。')
  await centre.locator('[data-test=submit-step]').click()
  await review().locator('[data-test=rect-state]', { hasText: '待整改' }).waitFor()
  await shot(centre, 'centre-bad-review-verified')
  // the centre administrator decides the clerk's extension request (C6)
  await centre.goto(`${BASE}/console/cases/${encodeURIComponent(secondId)}`)
  await centre.locator('[data-test=approve-extension]').click()
  await centre.locator('[data-test=extension-state]', { hasText: '已批准' }).waitFor()
  await shot(centre, 'centre-extension-approved')
  // the catalog: a refused edit shows the server's reason on the field it names (S3), and nothing is saved
  await centre.goto(`${BASE}/console/catalog`)
  await centre.locator('input[placeholder="事项名称或基本编码"]').fill('社会保障卡')
  await centre.locator('[data-test=catalog-items] tr', { hasText: '社会保障卡申领' }).first().click()
  await centre.locator('[data-test=consult-phone]').fill('请拨打中心电话')
  await centre.locator('[data-test=save-draft]').click()
  await centre.locator('[data-test=guide-form] .el-form-item__error, [data-test=guide-problems]').first().waitFor()
  await shot(centre, 'centre-catalog-field-error')
  await centre.locator('.el-tabs__item', { hasText: '版本历史' }).click()
  await centre.locator('[data-test=versions] tbody tr').first().waitFor()
  // the appointments calendar of the main hall and the review indicators
  await centre.goto(`${BASE}/console/appointments`)
  await centre.locator('[data-test=calendar] thead th').nth(7).waitFor()
  await shot(centre, 'centre-appointments')
  await centre.goto(`${BASE}/console/indicators`)
  await centre.locator('[data-test=review-indicators]').waitFor()
  await shot(centre, 'centre-indicators')

  // ------------------------------------------------------------ the provincial administrator compares counties, drills down, exports (M2)
  const desk4 = await browser('desk')
  const province = desk4.pages()[0] ?? await desk4.newPage()
  await province.goto(`${BASE}/console/dashboard`)
  await signIn(province, 'gd.admin')
  const county = province.locator('[data-test=ranking] tr', { hasText: '连山' })
  await county.waitFor({ timeout: 20000 })
  await province.locator('[data-test=trend] canvas').waitFor()
  await shot(province, 'province-dashboard')
  await county.click()
  await province.locator('[data-test=crumbs]', { hasText: '连山' }).waitFor()
  // the county's halls (the hall that accepted this run's cases among them once the comparison's feed has them)
  await province.locator('.screen-hint', { hasText: '大厅' }).waitFor({ timeout: 20000 })
  const [download] = await Promise.all([province.waitForEvent('download', { timeout: 20000 }), province.locator('[data-test=export]').click()])
  const file = join(OUT, 'comparison-drill-down.xlsx')
  await download.saveAs(file)
  expect(readFileSync(file).subarray(0, 2).toString() === 'PK', `the export is an .xlsx workbook (${download.suggestedFilename()})`)
  await shot(province, 'province-drill-down-exported')

  await Promise.all([phone.close(), desk.close(), desk2.close(), wall.close(), desk3.close(), desk4.close()])
  console.log('web flow passed')
}

main()
  .then(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }) })
  .catch(async (e) => {
    console.error(`web flow FAILED: ${e.stack ?? e}`)
    // what each browser showed when it failed
    let i = 0
    for (const c of contexts) for (const p of c.pages()) await p.screenshot({ path: join(OUT, `failed-${++i}.png`) }).catch(() => {})
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
    process.exit(1)
  })
