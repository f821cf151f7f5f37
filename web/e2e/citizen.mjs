// The citizen's remaining flows on a phone (issue 12, docs/web.md), in Debian's headless Chromium against a running
// platform through the gateway: photos of materials sent per material with the server's refusal shown on the one it
// refused (C1); a booking moved to another slot, cancelled with a confirmation, and the server's refusal shown next to
// the action (A1); a finished visit of the hall queue reviewed on the ticket's page (一次一评, V2), and then why it
// may not be reviewed again; a finished case reviewed from 待评价 (一事一评, V2, V5); 出生一件事 walked with ONE ticket
// for the whole package at the comprehensive windows (一窗受理, G3) before it is filed. Run by system-tests'
// WebBrowserTest (its own test method) or by hand:
//   ZWY_WEB_BASE=http://127.0.0.1:8080 node web/e2e/citizen.mjs
import { BASE, bookFirstFreeSlot, todayInBeijing, TENANT, browser, expect, fileCase, graphql, run, shot, signIn, staffToken } from './lib.mjs'

const CITIZEN = 'citizen.li'

async function main() {
  console.log(`citizen app at ${BASE}`)
  const phone = await browser('phone')
  const citizen = phone.pages()[0] ?? await phone.newPage()
  // the guide of 社会保障卡申领 in 连山 (the search itself is flow.mjs's)
  const hits = (await graphql(`query { searchGuides(text: "社会保障卡申领", regionCode: "${TENANT}", first: 10) { edges { node { itemId name } } } }`))
    .searchGuides.edges.map((e) => e.node)
  const guideId = hits.find((h) => h.name === '社会保障卡申领' && h.itemId.startsWith(TENANT + ':'))?.itemId
  expect(guideId, `连山's guide is found (${JSON.stringify(hits)})`)
  await citizen.goto(`${BASE}/app/guides/${encodeURIComponent(guideId)}`)
  await citizen.locator('[data-test=guide-name]').waitFor()
  // a real JPEG (a screenshot of the guide) as the "photo"; an executable renamed .jpg as the bad one
  const photo = await citizen.screenshot({ type: 'jpeg', quality: 60 })
  const fake = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2048)])

  // ------------------------------------------------------------ photos of materials (C1), through POST /uploads
  await citizen.locator('[data-test=apply]').click()
  await signIn(citizen, CITIZEN)
  let photographed = ''
  const caseId = await fileCase(citizen, async () => {
    const uploads = citizen.locator('[data-material]')
    await uploads.first().waitFor()
    expect(await uploads.count() >= 2, 'each material has its photo buttons')
    photographed = await uploads.nth(0).getAttribute('data-material')
    const refused = await uploads.nth(1).getAttribute('data-material')
    // 拍照: the camera's input (capture) takes the photo; it goes up at once and shows 已上传
    const camera = uploads.nth(0).locator('input[type=file]').nth(0)
    expect(await camera.getAttribute('capture') === 'camera', `拍照 opens the camera (${await camera.evaluate((e) => e.outerHTML)})`)
    await camera.setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo })
    await uploads.nth(0).locator('[data-test=upload-state]', { hasText: '已上传' }).waitFor({ timeout: 30000 })
    // 相册/文件: a file that says it is a JPEG but is not: the server decides from the content and refuses it, on this material only
    await uploads.nth(1).locator('input[type=file]').nth(1).setInputFiles({ name: 'fake.jpg', mimeType: 'image/jpeg', buffer: fake })
    const refusal = uploads.nth(1).locator('[data-test=upload-state][role=alert]')
    await refusal.waitFor({ timeout: 30000 })
    const why = await refusal.innerText()
    expect(!why.includes('上传中') && why.length > 4, `the server's refusal is shown on ${refused} (${why})`)
    console.log(`  ${refused}: refused by the server: ${why}`)
    await shot(citizen, 'citizen-material-photos')
  })
  const materials = citizen.locator('[data-test=case-materials]')
  await materials.locator('.van-cell', { hasText: photographed }).locator('[data-test=material-uploaded]').waitFor()
  expect(await materials.locator('[data-test=material-paper]').count() >= 1, 'the materials not uploaded are paper for the window')
  await shot(citizen, 'citizen-case-materials-uploaded')

  // ------------------------------------------------------------ a booking moved and cancelled from its page (A1)
  await citizen.goto(`${BASE}/app/book/${encodeURIComponent(guideId)}`)
  await bookFirstFreeSlot(citizen, { laterThanToday: true })
  await citizen.locator('[data-test=open-appointment]').first().click()
  await citizen.locator('[data-test=appointment-detail]').waitFor()
  const appointmentUrl = citizen.url()
  const before = await citizen.locator('[data-test=appointment-when]').innerText()
  await citizen.locator('[data-test=reschedule]').click()
  await citizen.locator('[data-test=days] .van-cell').first().waitFor()
  let moved = false
  const days = await citizen.locator('[data-test=days] .van-cell').count()
  // to a later day than today, so that the booking can still be cancelled next (see bookFirstFreeSlot)
  for (let i = 0; i < days && !moved; i++) {
    const day = citizen.locator('[data-test=days] .van-cell').nth(i)
    if ((await day.innerText()).includes(todayInBeijing())) continue
    await day.click()
    const free = citizen.locator('[data-test=slots] button:not([disabled])').first()
    if (!(await free.waitFor({ timeout: 5000 }).then(() => true, () => false))) continue
    await free.click()
    moved = await Promise.race([
      citizen.locator('[data-test=appointment-done]', { hasText: '已改约' }).waitFor({ timeout: 15000 }).then(() => true),
      citizen.locator('[data-test=appointment-error]').waitFor({ timeout: 15000 }).then(() => false),
    ])
  }
  expect(moved, 'the booking moved to another free slot')
  const after = await citizen.locator('[data-test=appointment-when]').innerText()
  expect(after !== before, `the booking's time changed (${before} → ${after})`)
  await shot(citizen, 'citizen-appointment-rescheduled')
  // the same booking open in a second tab, cancelled in the first with a confirmation
  const other = await phone.newPage()
  await other.goto(appointmentUrl)
  await other.locator('[data-test=cancel-appointment]').waitFor()
  await citizen.locator('[data-test=cancel-appointment]').click()
  await citizen.locator('.van-dialog', { hasText: '确定取消' }).locator('.van-dialog__confirm').click()
  await citizen.locator('[data-test=appointment-status]', { hasText: '已取消' }).waitFor({ timeout: 15000 })
  await shot(citizen, 'citizen-appointment-cancelled')
  // the second tab still offers to move it: the server refuses (the booking is cancelled) and says so next to the action
  await other.locator('[data-test=reschedule]').click()
  await other.locator('[data-test=days] .van-cell').first().click()
  await other.locator('[data-test=slots] button:not([disabled])').first().click()
  const refusal = await other.locator('[data-test=appointment-error]').innerText({ timeout: 15000 })
  expect(refusal.includes('已取消'), `the server's refusal is shown next to the action (${refusal})`)
  console.log(`  moving a cancelled booking: ${refusal}`)
  await other.locator('[data-test=appointment-actions]').scrollIntoViewIfNeeded()
  await shot(other, 'citizen-appointment-refused')
  await other.close()

  // ------------------------------------------------------------ a visit reviewed on the ticket's page (一次一评, V2)
  const hall = (await graphql('query($t: ID!) { hall(tenantCode: $t) { id name } }', { t: TENANT })).hall
  const clerkToken = await staffToken('lianshan.clerk')
  const win = (await graphql('query($t: ID!, $h: ID) { windows(tenantCode: $t, hallId: $h) { id name categories { code } } }',
    { t: TENANT, h: hall.id }, clerkToken)).windows.find((w) => w.categories.length)
  expect(win, 'a window of the main hall serves a category')
  await citizen.evaluate(() => localStorage.removeItem('zwy.ticket'))
  await citizen.goto(`${BASE}/app/ticket`)
  await citizen.locator(`[data-test=category-${win.categories[0].code}]`).click()
  const number = (await citizen.locator('[data-test=ticket-number]').innerText()).trim()
  // the window calls until this ticket comes (others of the run may be waiting) and finishes each visit
  for (let i = 0; i < 40; i++) {
    const called = (await graphql('mutation($i: CallNextInput!) { callNext(input: $i) { ticket { id number } } }',
      { i: { tenantCode: TENANT, windowId: win.id } }, clerkToken)).callNext.ticket
    expect(called, `ticket ${number} is called at ${win.name}`)
    await graphql('mutation($i: FinishTicketInput!) { finishTicket(input: $i) { ticket { status } } }', { i: { ticketId: called.id } }, clerkToken)
    if (called.number === number) break
  }
  await citizen.locator('[data-test=ticket-status]', { hasText: '已办结' }).waitFor({ timeout: 20000 })
  await citizen.locator('[data-test=review] [data-test=stars]').waitFor({ timeout: 20000 })
  await citizen.locator('[data-test=stars] .van-rate__item').nth(3).click()
  await citizen.locator('[data-test=review] textarea').fill('取号后很快叫到，窗口人员讲解清楚')
  await shot(citizen, 'citizen-visit-review')
  await citizen.locator('[data-test=submit-review]').click()
  await citizen.locator('[data-test=reviewed]').waitFor({ timeout: 20000 })
  // coming back: reviewed once, so the page says why there is no review any more
  await citizen.reload()
  await citizen.locator('[data-test=review-why]', { hasText: '已评价' }).waitFor({ timeout: 20000 })
  await shot(citizen, 'citizen-visit-reviewed-why-not')

  // ------------------------------------------------------------ a finished case reviewed from 待评价 (一事一评, V2, V5)
  const approverToken = await staffToken('lianshan.approver')
  const clerkCase = (await graphql('query($id: ID!) { case(id: $id) { version caseNumber } }', { id: caseId }, clerkToken)).case
  const accepted = (await graphql('mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { version } } }',
    { i: { caseId, version: clerkCase.version, window: '综合受理窗口' } }, clerkToken)).acceptCase.case
  await graphql('mutation($i: CompleteCaseInput!) { completeCase(input: $i) { case { status } } }',
    { i: { caseId, version: accepted.version, window: '综合受理窗口', approved: true } }, approverToken)
  await citizen.goto(`${BASE}/app/cases`)
  await citizen.locator('[data-test=to-reviews]').click()
  // the opening comes from the completion's event, a moment later
  const pendingCase = citizen.locator('[data-test=pending-review]', { hasText: clerkCase.caseNumber })
  for (let i = 0; i < 15 && !(await pendingCase.first().waitFor({ timeout: 2000 }).then(() => true, () => false)); i++) await citizen.reload()
  await pendingCase.first().locator('.van-cell').first().click()
  await pendingCase.first().locator('[data-test=stars] .van-rate__item').nth(0).click()
  // one star is a bad review: it needs a reason (V5), here a written one
  expect(await pendingCase.first().locator('[data-test=submit-review]').isDisabled(), 'a bad review without a reason cannot be sent')
  await pendingCase.first().locator('[data-test=other-reason] input').fill('材料上传后窗口仍要求交纸质件')
  await shot(citizen, 'citizen-pending-reviews')
  await pendingCase.first().locator('[data-test=submit-review]').click()
  await pendingCase.first().locator('[data-test=reviewed]').waitFor({ timeout: 20000 })
  await shot(citizen, 'citizen-case-reviewed')

  // ------------------------------------------------------------ guided to the window serving the item, its ticket in one tap (G1, G2, A5)
  const itemNamed = async (text) => (await graphql('query($t: ID!, $f: ItemFilter) { items(tenantCode: $t, filter: $f, first: 5) { edges { node { id name } } } }',
    { t: TENANT, f: { text } })).items.edges.map((e) => e.node).find((n) => n.name.includes(text))?.id
  const renewal = await itemNamed('居民身份证换领')
  expect(renewal, '连山 publishes 居民身份证换领')
  await citizen.goto(`${BASE}/app/guides/${encodeURIComponent(renewal)}`)
  await citizen.locator('[data-test=start-guidance]').click()
  await answerWalk(citizen, { reason: 'EXPIRED', place: 'NO' })
  await citizen.locator('[data-test=outcome]').waitFor()
  const where = await citizen.locator('[data-test=route-where]').innerText()
  expect(where.includes('“GA”') && where.includes('10号公安窗口'), `the route names the 户政 queue and the police window (${where})`)
  console.log(`  guided to: ${where}`)
  await shot(citizen, 'citizen-guidance-route')
  await citizen.locator('[data-test=take-ticket]').click()
  await citizen.waitForURL(/\/app\/ticket$/, { timeout: 30000 })
  const gaNumber = (await citizen.locator('[data-test=ticket-number]').innerText({ timeout: 30000 })).trim()
  expect(/^GA\d+$/.test(gaNumber), `a ticket of the 户政 queue (${gaNumber})`)
  await citizen.locator('[data-test=people-ahead]').waitFor()
  console.log(`  ticket from the route: ${gaNumber}`)
  // taken for the item with the walk's answers (G1): the ticket shows what the citizen comes for and what to bring
  const visit = (await citizen.locator('[data-test=ticket-visit]').innerText({ timeout: 20000 })).replace(/\s+/g, ' ')
  expect(visit.includes('居民身份证换领') && visit.includes('请携带以下材料') && visit.includes('居民户口簿'), `the ticket shows the visit (${visit})`)
  console.log(`  ticket visit: ${visit}`)
  await shot(citizen, 'citizen-guidance-ticket')
  // the police window calls until this ticket comes and finishes each visit; the ticket screen follows live
  const police = (await graphql('query($t: ID!, $h: ID) { windows(tenantCode: $t, hallId: $h) { id name categories { code } } }',
    { t: TENANT, h: hall.id }, clerkToken)).windows.find((w) => w.categories.some((c) => c.code === 'GA'))
  expect(police, 'a window of the main hall serves GA')
  for (let i = 0; i < 40; i++) {
    const called = (await graphql(`mutation($i: CallNextInput!) { callNext(input: $i) { ticket { id number
      visit { itemName outcome materials answers { questionId value } } } } }`, { i: { tenantCode: TENANT, windowId: police.id } }, clerkToken)).callNext.ticket
    expect(called, `ticket ${gaNumber} is called at ${police.name}`)
    await graphql('mutation($i: FinishTicketInput!) { finishTicket(input: $i) { ticket { status } } }', { i: { ticketId: called.id } }, clerkToken)
    if (called.number === gaNumber) {
      // the window sees what the walk found, the answers too (its tenant's staff): nothing is asked twice
      const v = called.visit
      expect(v?.itemName === '居民身份证换领' && v.answers?.some((a) => a.questionId === 'reason' && a.value === 'EXPIRED'),
        `the window sees the item and the answers (${JSON.stringify(v)})`)
      console.log(`  the window sees: ${v.itemName} · ${v.outcome} · ${v.answers.map((a) => a.questionId + '=' + a.value).join(', ')}`)
      break
    }
  }
  await citizen.locator('[data-test=ticket-status]', { hasText: '已办结' }).waitFor({ timeout: 20000 })

  // ------------------------------------------------------------ walked to an online outcome and filed with the answers (G2)
  const birthRegistration = await itemNamed('生育登记')
  expect(birthRegistration, '连山 publishes 生育登记')
  await citizen.goto(`${BASE}/app/guidance/${encodeURIComponent(birthRegistration)}`)
  await answerWalk(citizen, { order: '2', married: 'YES' })
  await citizen.locator('[data-test=outcome]').waitFor()
  await citizen.locator('[data-test=apply]').click()
  const guidedForm = citizen.locator('[data-test=apply-guided]')
  await guidedForm.waitFor({ timeout: 30000 })
  await citizen.locator('[data-test=apply-form] .van-checkbox').first().waitFor()
  const married = await citizen.locator('[data-test=apply-form] .van-checkbox').allInnerTexts()
  expect(married.length === 2 && married.some((m) => m.includes('结婚证')), `married: the outcome's two materials (${married})`)
  // 修改回答: back to the walk with its answers, one changed, and 在线申请 again
  await citizen.locator('[data-test=change-answers]').click()
  await citizen.locator('[data-test=answered-married]').click()
  await citizen.locator('[data-test=question][data-question=married]').waitFor({ timeout: 15000 })
  await answerWalk(citizen, { married: 'NO' })
  await citizen.locator('[data-test=outcome]').waitFor()
  await citizen.locator('[data-test=apply]').click()
  await guidedForm.waitFor({ timeout: 30000 })
  await citizen.locator('[data-test=apply-outcome]').waitFor()
  const guidedText = (await guidedForm.innerText()).replace(/\s+/g, ' ')
  expect(guidedText.includes('已按您的情形准备材料清单') && guidedText.includes('否'), `the form follows the answers (${guidedText})`)
  // a reload keeps the answers (they are in the address)
  await citizen.reload()
  await guidedForm.waitFor({ timeout: 30000 })
  const birthCase = await fileCase(citizen, async () => {
    const offered = await citizen.locator('[data-test=apply-form] .van-checkbox').allInnerTexts()
    expect(offered.length === 1 && offered[0].includes('居民身份证'), `not married: only the outcome's 居民身份证 (${offered})`)
    await shot(citizen, 'citizen-apply-guided')
  })
  const filedGuidance = (await graphql('query($id: ID!) { case(id: $id) { guidance { outcome materials answers { questionId value } } } }',
    { id: birthCase }, clerkToken)).case.guidance
  expect(filedGuidance?.answers?.map((a) => a.questionId + '=' + a.value).join(',') === 'order=2,married=NO',
    `the case keeps the walk's answers (${JSON.stringify(filedGuidance)})`)
  console.log(`  filed with the walk: ${filedGuidance.outcome} · ${filedGuidance.materials.join('、')}`)

  // ------------------------------------------------------------ a package walk where a part does not apply (G2, G3)
  const birth = (await graphql('query($t: ID!) { servicePackages(tenantCode: $t, lifeEvent: BIRTH) { id name } }', { t: TENANT }))
    .servicePackages.find((p) => p.name === '出生一件事')
  expect(birth, '连山 offers 出生一件事')
  await citizen.goto(`${BASE}/app/packages/${encodeURIComponent(birth.id)}`)
  await citizen.locator('[data-test=package-name]').waitFor()
  // the newborn is registered in the parents' home county elsewhere: 出生登记 is not 连山's to do
  await answerWalk(citizen, { order: '1', married: 'YES', sameHousehold: 'NO', who: 'NEWBORN', first: 'YES', photo: 'NO' })
  const skipped = citizen.locator('[data-test=skipped-part]')
  await skipped.first().waitFor()
  const why = await skipped.first().innerText()
  expect(await skipped.count() === 1 && why.includes('出生登记') && why.includes('不需办理：') && why.includes('户籍'), `出生登记 is skipped with why (${why})`)
  console.log(`  skipped: ${why.replace(/\s+/g, ' ')}`)
  const parts = citizen.locator('[data-test=part]')
  expect(await parts.count() === 4, `the four parts that apply, each with where to go (${await parts.count()})`)
  expect(await parts.locator('[data-test=route-where]').count() === 4, 'every part that applies says where to go')
  expect(await citizen.locator('[data-test=part][data-part=出生登记]').count() === 0, '出生登记 is not among the parts filed')
  await citizen.locator('[data-test=skipped]').scrollIntoViewIfNeeded()
  await shot(citizen, 'citizen-package-walk-skipped')

  // ------------------------------------------------------------ ONE ticket for the whole package at the comprehensive windows (一窗受理, G3)
  const oneWindow = (await citizen.locator('[data-test=package-ticket-text]').innerText()).replace(/\s+/g, ' ')
  expect(oneWindow.includes('综合受理窗口一窗受理') && oneWindow.includes('只取一个号') && !oneWindow.includes('出生登记'),
    `the package offers one ticket for the parts that apply (${oneWindow})`)
  expect(await citizen.locator('[data-test=part] [data-test=take-ticket]').count() === 0, 'no ticket per part: the routes only say where each department sits')
  await citizen.locator('[data-test=take-package-ticket]').click()
  await citizen.waitForURL(/\/app\/ticket$/, { timeout: 30000 })
  const packageNumber = (await citizen.locator('[data-test=ticket-number]').innerText({ timeout: 30000 })).trim()
  expect(/^A\d+$/.test(packageNumber), `a ticket of the comprehensive windows' queue (${packageNumber})`)
  await citizen.locator('[data-test=ticket-visit]').waitFor({ timeout: 20000 })
  const visitParts = await citizen.locator('[data-test=visit-part]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-part')))
  expect(visitParts.length === 4 && !visitParts.includes('出生登记'), `the ticket lists the four parts taken at the one window (${visitParts})`)
  const visitSkipped = await citizen.locator('[data-test=visit-skipped]').innerText()
  expect(visitSkipped.includes('出生登记') && visitSkipped.includes('不需办理：'), `the ticket names the part not needed and why (${visitSkipped})`)
  const visitMaterials = await citizen.locator('[data-test=visit-materials]').innerText()
  expect(visitMaterials.includes('居民身份证'), `the ticket lists the materials overall (${visitMaterials})`)
  console.log(`  package ticket: ${packageNumber} · ${visitParts.join('、')}`)
  await shot(citizen, 'citizen-package-ticket')
  // a comprehensive window calls until this ticket comes and sees the whole package; the ticket screen follows live
  const comprehensive = (await graphql('query($t: ID!, $h: ID) { windows(tenantCode: $t, hallId: $h) { id name categories { code } } }',
    { t: TENANT, h: hall.id }, clerkToken)).windows.find((w) => w.categories.some((c) => c.code === packageNumber.replace(/\d+$/, '')))
  expect(comprehensive, 'a window of the main hall serves the comprehensive windows\' queue')
  for (let i = 0; i < 40; i++) {
    const called = (await graphql(`mutation($i: CallNextInput!) { callNext(input: $i) { ticket { id number
      visit { packageId itemName parts { itemName } skipped { itemName } } } } }`, { i: { tenantCode: TENANT, windowId: comprehensive.id } }, clerkToken)).callNext.ticket
    expect(called, `ticket ${packageNumber} is called at ${comprehensive.name}`)
    await graphql('mutation($i: FinishTicketInput!) { finishTicket(input: $i) { ticket { status } } }', { i: { ticketId: called.id } }, clerkToken)
    if (called.number === packageNumber) {
      const v = called.visit
      expect(v?.packageId === birth.id && v.parts?.length === 4 && v.skipped?.some((p) => p.itemName === '出生登记'),
        `the window sees the package, its four parts and the part not needed (${JSON.stringify(v)})`)
      break
    }
  }
  await citizen.locator('[data-test=ticket-status]', { hasText: '已办结' }).waitFor({ timeout: 20000 })
  // back to the package: the walk is kept in the tab, 一次申请 follows it
  await citizen.goto(`${BASE}/app/packages/${encodeURIComponent(birth.id)}`)
  await citizen.locator('[data-test=package-apply]').click()
  await citizen.locator('[data-test=package-form]').waitFor({ timeout: 30000 })
  await citizen.locator('[data-field=newbornName]').waitFor()
  expect(await citizen.locator('[data-field=householdAddress]').count() === 0, "the skipped part's own field (落户地址) is not asked")
  expect((await citizen.locator('[data-test=form-skipped]').innerText()).includes('出生登记'), 'the form says which part is not filed')
  await citizen.locator('[data-test=package-form] [data-test=name] input').fill('李四')
  await citizen.locator('[data-test=package-form] [data-test=id-number] input').fill('11010519491231002X')
  await citizen.locator('[data-test=package-form] [data-test=phone] input').fill('13800138000')
  await citizen.locator('[data-field=newbornName] input').fill('李小宝')
  await shot(citizen, 'citizen-package-form')
  await citizen.locator('[data-test=package-submit]').click()
  await citizen.locator('[data-test=package-receipt]').waitFor({ timeout: 30000 })
  const filedParts = await citizen.locator('[data-test=receipt-part]').count()
  expect(filedParts === 4, `four part cases filed (${filedParts})`)
  expect((await citizen.locator('[data-test=receipt-skipped]').innerText()).includes('出生登记'), 'the receipt lists 出生登记 as not filed')
  console.log(`  package filed: ${filedParts} parts, 出生登记 skipped`)
  await shot(citizen, 'citizen-package-receipt')

  await phone.close()
  console.log('citizen flow passed')
}

/**
 * Answers a guidance walk on the page (an item's or a package's) by question id until no question is left: a choice or
 * 是/否 by its button, a number typed; each answer waits for its step to show among the answers given.
 */
async function answerWalk(page, given) {
  for (let i = 0; i < 12; i++) {
    // the next question, or the walk's end (an item's outcome, a package's parts)
    await page.locator('[data-test=question], [data-test=outcome], [data-test=not-applicable], [data-test=parts]').first().waitFor({ timeout: 15000 })
    const question = page.locator('[data-test=question]')
    if (!(await question.count())) return
    const id = await question.getAttribute('data-question')
    const value = given[id]
    expect(value != null, `an answer for question ${id}`)
    if (await question.locator('[data-test=number]').count()) {
      await question.locator('[data-test=number] input').fill(value)
      await question.locator('[data-test=number-ok]').click()
    } else {
      await question.locator(`[data-test=option-${value}]`).click()
    }
    await page.locator(`[data-test=answered-${id}]`).waitFor({ timeout: 15000 })
    await page.locator(`[data-test=question][data-question=${id}]`).waitFor({ state: 'detached', timeout: 15000 })
  }
  throw new Error('the walk did not end within 12 questions')
}

run(main)
