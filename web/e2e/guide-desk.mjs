// The browser test of the guides' desk (智能导办, G1; ADR 0036, 0037): 连山's hall guide (lianshan.guide, role guide) picks
// 居民身份证换领 in the console, walks its situation-based guide with the citizen (only the questions the API asks), sees
// the tailored materials and the route to the 户政 window, and issues a green-channel ticket; a first social security card
// without a photo is sent to the self-service area, with no ticket offered. Then a whole package: 出生一件事 walked once
// (the newborn registered elsewhere: 出生登记 does not apply) is ONE ticket at the comprehensive windows (一窗受理, G3).
// The front desk (lianshan.clerk) at window 10 (户政) calls the item's ticket and sees what the citizen comes for; at
// window 1 (综合受理) it calls the package's and sees every part it takes at once and the part not needed.
// Run by system-tests' WebBrowserTest or by hand:
//   ZWY_WEB_BASE=http://127.0.0.1:8080 node web/e2e/guide-desk.mjs
import { BASE, TENANT, browser, expect, graphql, run, shot, signIn, staffToken } from './lib.mjs'

const WALK = 'query($i: ID!, $a: [GuidanceAnswerInput!]) { guidance(itemId: $i, answers: $a) { next { id options { value label } } complete } }'

/** The option labels the guide clicks for the given answers, read from the API's walk (the questionnaire is data). */
async function labels(itemId, answers) {
  const out = []
  for (let n = 0; n < answers.length; n++) {
    const walk = (await graphql(WALK, { i: itemId, a: answers.slice(0, n) })).guidance
    const option = walk.next.options.find((o) => o.value === answers[n].value)
    expect(walk.next.id === answers[n].questionId && option, `question ${answers[n].questionId} with ${answers[n].value}`)
    out.push(option.label)
  }
  return out
}

const PACKAGE_WALK = 'query($p: ID!, $a: [GuidanceAnswerInput!]) { packageGuidance(packageId: $p, answers: $a) { next { key question { type options { value label } } } complete } }'

/**
 * What the guide enters for a package's walk, in the order the API asks (the keys of {@code situation}): the option label
 * to click, or the number to type for a NUMBER question.
 */
async function packageClicks(packageId, situation) {
  const out = []
  const given = []
  for (let n = 0; n < 20; n++) {
    const walk = (await graphql(PACKAGE_WALK, { p: packageId, a: given })).packageGuidance
    if (walk.complete) return out
    const value = situation[walk.next.key]
    expect(value, `the walk asks ${walk.next.key}`)
    given.push({ questionId: walk.next.key, value })
    if (walk.next.question.type === 'NUMBER') { out.push({ number: value }); continue }
    const option = walk.next.question.options.find((o) => o.value === value)
    expect(option, `package question ${walk.next.key} answered with ${value}`)
    out.push({ label: option.label })
  }
  throw new Error('the package walk did not end')
}

/** Calls at the queue panel's window until the ticket numbered {@code number} is called (the panel already stands). */
async function callUntil(page, number, window) {
  const shown = () => page.evaluate(() => document.querySelector('[data-test=ticket] .number')?.textContent?.trim() ?? '')
  let called = ''
  for (let i = 0; i < 80 && called !== number; i++) {
    const before = await shown()
    await page.locator('[data-test=call-next]:not(.is-disabled)').click()
    await page.waitForFunction((b) => (document.querySelector('[data-test=ticket] .number')?.textContent?.trim() ?? '') !== b, before,
      { timeout: 20000 })
    called = await shown()
    expect(called, `${window} ran out of tickets before ${number}`)
  }
  expect(called === number, `${window} called ${number}`)
}

/** Opens the queue panel at the window (chosen as the panel remembers it), once the console's sign-in check settled. */
async function queueAt(page, windowId) {
  await page.evaluate((id) => localStorage.setItem('zwy.windowId', id), windowId)
  await page.goto(`${BASE}/console/queue`)
  await page.waitForURL((u) => u.pathname === '/console/queue', { timeout: 30000 })
  await page.locator('[data-test=call-next]:not(.is-disabled)').waitFor({ timeout: 30000 })
}

async function walkAs(page, search, name, clicks) {
  await page.locator('input[data-test=guide-search], [data-test=guide-search] input').fill(search)
  await page.locator('[data-test=guide-find]').click()
  await page.locator('[data-test=guide-choice]', { hasText: name }).first().click()
  await page.locator('[data-test=guide-picked]', { hasText: name }).waitFor({ timeout: 20000 })
  for (const label of clicks) {
    await page.locator('[data-test=guide-question] [data-test=guide-option]', { hasText: label }).first().click()
    await page.locator('[data-test=guide-answered] li', { hasText: label }).first().waitFor({ timeout: 20000 })
  }
  await page.locator('[data-test=guide-outcome]').waitFor({ timeout: 20000 })
}

async function main() {
  console.log(`guides' desk at ${BASE}`)
  const items = (await graphql('query($t: ID!) { items(tenantCode: $t, first: 100) { edges { node { id name } } } }', { t: TENANT }))
    .items.edges.map((e) => e.node)
  const card = items.find((i) => i.name === '居民身份证换领')
  const social = items.find((i) => i.name === '社会保障卡申领')
  expect(card && social, 'the 居民身份证换领 and 社会保障卡申领 guides of 连山')

  // ------------------------------------------------------------ the guide walks the item with the citizen and issues the ticket (G1, G2)
  const context = await browser('desk')
  const guide = context.pages()[0] ?? await context.newPage()
  await guide.goto(`${BASE}/console/guide`)
  await signIn(guide, 'lianshan.guide')
  await guide.locator('[data-test=menu-guide]').waitFor({ timeout: 30000 })
  await walkAs(guide, '身份证', '居民身份证换领', await labels(card.id, [{ questionId: 'reason', value: 'EXPIRED' }, { questionId: 'place', value: 'NO' }]))
  const route = await guide.locator('[data-test=guide-route]').innerText()
  expect(route.includes('GA') && route.includes('10号'), `the route names the 户政 window: ${route}`)
  const materials = await guide.locator('[data-test=guide-materials] li').allInnerTexts()
  expect(materials.length > 0, 'the tailored materials are listed')
  await shot(guide, 'guide-desk-route-to-the-window')
  await guide.locator('[data-test=guide-green]').click()
  await guide.locator('[data-test=guide-issue]').click()
  const numberBox = guide.locator('[data-test=guide-ticket-number]')
  await numberBox.waitFor({ timeout: 20000 })
  const number = (await numberBox.innerText()).trim()
  expect(/^GA\d{3,}$/.test(number), `a 户政 ticket number: ${number}`)
  const slip = await guide.locator('[data-test=guide-ticket]').innerText()
  expect(slip.includes('居民身份证换领') && slip.includes('绿色通道'), `the slip says what for and the green channel: ${slip}`)
  await shot(guide, 'guide-desk-ticket-issued')

  // ------------------------------------------------------------ a kiosk outcome: to the self-service area, no ticket
  await guide.locator('[data-test=guide-next]').click()
  await walkAs(guide, '社会保障卡', '社会保障卡申领', await labels(social.id, [{ questionId: 'first', value: 'YES' }, { questionId: 'photo', value: 'NO' }]))
  await guide.locator('[data-test=guide-route]', { hasText: '请到自助服务区办理' }).waitFor({ timeout: 20000 })
  expect(await guide.locator('[data-test=guide-issue]').count() === 0, 'no ticket for a kiosk outcome')
  await shot(guide, 'guide-desk-kiosk-outcome')

  // ------------------------------------------------------------ a whole package: ONE ticket at the comprehensive windows (G3)
  const birth = (await graphql('query($t: ID!) { servicePackages(tenantCode: $t, lifeEvent: BIRTH) { id name } }', { t: TENANT }))
    .servicePackages.find((p) => p.name === '出生一件事')
  expect(birth, '连山 offers 出生一件事')
  const clicks = await packageClicks(birth.id, { order: '1', married: 'YES', sameHousehold: 'NO', who: 'NEWBORN', first: 'YES', photo: 'NO' })
  await guide.locator('[data-test=guide-kind] label', { hasText: '一件事' }).click()
  await guide.locator('[data-test=guide-choice]', { hasText: '出生一件事' }).first().click()
  await guide.locator('[data-test=guide-picked]', { hasText: '出生一件事' }).waitFor({ timeout: 20000 })
  for (let n = 0; n < clicks.length; n++) {
    if (clicks[n].number) {
      await guide.locator('input[data-test=guide-number], [data-test=guide-number] input').fill(clicks[n].number)
      await guide.locator('[data-test=guide-number-ok]').click()
    } else {
      const exact = new RegExp(`^\\s*${clicks[n].label}\\s*$`)
      await guide.locator('[data-test=guide-question] [data-test=guide-option]').filter({ hasText: exact }).first().click()
    }
    await guide.waitForFunction((k) => document.querySelectorAll('[data-test=guide-answered] li').length >= k, n + 1, { timeout: 20000 })
  }
  const packageRoute = guide.locator('[data-test=guide-package-route]')
  await packageRoute.waitFor({ timeout: 20000 })
  const oneWindow = await packageRoute.innerText()
  expect(oneWindow.includes('综合受理窗口一窗受理') && !oneWindow.includes('出生登记'), `one window for the parts that apply: ${oneWindow}`)
  expect(await guide.locator('[data-test=guide-issue-part]').count() === 0, 'no ticket per part')
  await guide.locator('[data-test=guide-green]').click()
  await guide.locator('[data-test=guide-issue-package]').click()
  await numberBox.waitFor({ timeout: 20000 })
  const packageNumber = (await numberBox.innerText()).trim()
  expect(/^A\d{3,}$/.test(packageNumber), `a 综合受理 ticket number: ${packageNumber}`)
  const packageSlip = await guide.locator('[data-test=guide-ticket]').innerText()
  expect(packageSlip.includes('出生一件事') && packageSlip.includes('一窗办理') && packageSlip.includes('无需办理：出生登记'),
    `the slip names the package, its parts and the part not needed: ${packageSlip}`)
  await shot(guide, 'guide-desk-package-ticket')
  await context.close()

  // ------------------------------------------------------------ the windows call them and see what the citizen comes for
  const hall = (await graphql('query($t: ID!) { hall(tenantCode: $t) { id } }', { t: TENANT })).hall
  const windows = (await graphql('query($t: ID!, $h: ID) { windows(tenantCode: $t, hallId: $h) { id number } }',
    { t: TENANT, h: hall.id }, await staffToken('lianshan.clerk'))).windows
  const ten = windows.find((w) => w.number === '10')
  const one = windows.find((w) => w.number === '1')
  expect(ten && one, 'windows 10 and 1 of the main hall')
  const desk = await browser('window')
  const clerk = desk.pages()[0] ?? await desk.newPage()
  await clerk.goto(`${BASE}/console/queue`)
  await signIn(clerk, 'lianshan.clerk')
  await queueAt(clerk, ten.id)
  await callUntil(clerk, number, 'window 10')
  const visit = await clerk.locator('[data-test=ticket-visit]').innerText()
  expect(visit.includes('居民身份证换领') && visit.includes(materials[0]), `the window sees the item and the materials: ${visit}`)
  await shot(clerk, 'window-sees-what-the-citizen-comes-for')
  await queueAt(clerk, one.id)
  await callUntil(clerk, packageNumber, 'window 1')
  const parts = await clerk.locator('[data-test=ticket-parts] li').allInnerTexts()
  const skipped = await clerk.locator('[data-test=ticket-skipped]').innerText()
  expect(parts.length === 4 && !parts.some((p) => p.startsWith('出生登记')), `window 1 sees the four parts it takes at once: ${parts}`)
  expect(skipped.includes('出生登记'), `and the part not needed, with why: ${skipped}`)
  await shot(clerk, 'window-sees-the-whole-package')
  await desk.close()
  console.log(`guide desk passed (item ticket ${number}, package ticket ${packageNumber})`)
}

run(main)
