// The browser test of the guides' desk (智能导办, G1; ADR 0036): a guide (here 连山's clerk, who may guide) picks
// 居民身份证换领 in the console, walks its situation-based guide with the citizen (only the questions the API asks), sees
// the tailored materials and the route to the 户政 window, and issues a green-channel ticket; the window serving 户政
// (10 公安窗口) calls it in the queue panel and sees what the citizen comes for. A first social security card without a
// photo is sent to the self-service area, with no ticket offered. Run by system-tests' WebBrowserTest or by hand:
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
  await signIn(guide, 'lianshan.clerk')
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

  // ------------------------------------------------------------ the window serving 户政 calls it and sees what the citizen comes for
  const hall = (await graphql('query($t: ID!) { hall(tenantCode: $t) { id } }', { t: TENANT })).hall
  const windows = (await graphql('query($t: ID!, $h: ID) { windows(tenantCode: $t, hallId: $h) { id number } }',
    { t: TENANT, h: hall.id }, await staffToken('lianshan.clerk'))).windows
  const ten = windows.find((w) => w.number === '10')
  expect(ten, 'window 10 of the main hall')
  await guide.evaluate((id) => localStorage.setItem('zwy.windowId', id), ten.id)
  await guide.goto(`${BASE}/console/queue`)
  // the console signs in again on load (Keycloak's check): wait until the queue panel stands, its window chosen
  await guide.waitForURL((u) => u.pathname === '/console/queue', { timeout: 30000 })
  await guide.locator('[data-test=call-next]:not(.is-disabled)').waitFor({ timeout: 30000 })
  const shown = () => guide.evaluate(() => document.querySelector('[data-test=ticket] .number')?.textContent?.trim() ?? '')
  let called = ''
  for (let i = 0; i < 60 && called !== number; i++) {
    const before = await shown()
    await guide.locator('[data-test=call-next]:not(.is-disabled)').click()
    await guide.waitForFunction((b) => (document.querySelector('[data-test=ticket] .number')?.textContent?.trim() ?? '') !== b, before,
      { timeout: 20000 })
    called = await shown()
    expect(called, `window 10 ran out of tickets before ${number}`)
  }
  expect(called === number, `window 10 called ${number}`)
  const visit = await guide.locator('[data-test=ticket-visit]').innerText()
  expect(visit.includes('居民身份证换领') && visit.includes(materials[0]), `the window sees the item and the materials: ${visit}`)
  await shot(guide, 'window-sees-what-the-citizen-comes-for')

  // ------------------------------------------------------------ a kiosk outcome: to the self-service area, no ticket
  await guide.goto(`${BASE}/console/guide`)
  await walkAs(guide, '社会保障卡', '社会保障卡申领', await labels(social.id, [{ questionId: 'first', value: 'YES' }, { questionId: 'photo', value: 'NO' }]))
  await guide.locator('[data-test=guide-route]', { hasText: '请到自助服务区办理' }).waitFor({ timeout: 20000 })
  expect(await guide.locator('[data-test=guide-issue]').count() === 0, 'no ticket for a kiosk outcome')
  await shot(guide, 'guide-desk-kiosk-outcome')
  await context.close()
  console.log('guide desk passed')
}

run(main)
