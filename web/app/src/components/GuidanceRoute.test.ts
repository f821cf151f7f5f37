import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { Button, Cell, CellGroup, Tag } from 'vant'
import GuidanceRoute from './GuidanceRoute.vue'
import PackageParts from './PackageParts.vue'
import type { GuidanceRoute as Route } from '../logic/guidance'

const WINDOW: Route = { channel: 'WINDOW', category: 'GA', categoryName: '户政',
  windows: [{ hall: '连山县政务服务中心', number: '10', name: '公安窗口' }], where: '请取“GA”号（户政），到连山县政务服务中心10号公安窗口办理' }
const KIOSK: Route = { channel: 'KIOSK', category: 'A', categoryName: '综合受理', windows: [{ hall: '连山县政务服务中心', number: '1', name: '综合受理窗口1' }],
  where: '到大厅自助服务区的自助终端办理；需要窗口帮助时请取“A”号（综合受理），到连山县政务服务中心1号综合受理窗口1' }
const ONLINE: Route = { channel: 'ONLINE', category: null, categoryName: null, windows: [], where: '网上办理，无需到大厅；如到大厅办理，请到综合受理窗口（1—6号）' }

function mountIt(component: unknown, props: Record<string, unknown>) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const wrapper = mount(component as any, { props, global: { plugins: [router, Button, Tag, Cell, CellGroup] } })
  return { wrapper, router }
}

describe('where a guided applicant goes (智能导办, G1)', () => {
  it("shows the server's sentence and the windows, and one tap takes the ticket of the route's category at its hall", async () => {
    const { wrapper, router } = mountIt(GuidanceRoute, { route: WINDOW, tenantCode: '441825' })
    expect(wrapper.find('[data-test=route-where]').text()).toBe('请取“GA”号（户政），到连山县政务服务中心10号公安窗口办理')
    expect(wrapper.find('[data-test=route-channel]').text()).toBe('窗口办理')
    expect(wrapper.find('[data-test=route-windows]').text()).toBe('连山县政务服务中心 · 10号公安窗口')
    const take = wrapper.find('[data-test=take-ticket]')
    expect(take.text()).toBe('取“GA”号（户政）')
    await take.trigger('click')
    await take.trigger('click')
    await flushPromises()
    const to = router.currentRoute.value
    expect(to.path).toBe('/ticket')
    expect(to.query).toMatchObject({ tenant: '441825', hall: '连山县政务服务中心', category: 'GA' })
    expect(String(to.query.key)).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('a kiosk outcome says 自助办理 and an online one 网上办理, without a ticket', () => {
    const kiosk = mountIt(GuidanceRoute, { route: KIOSK, tenantCode: '441825' }).wrapper
    expect(kiosk.find('[data-test=route-channel]').text()).toBe('自助办理')
    expect(kiosk.find('[data-test=route-where]').text()).toContain('自助服务区')
    expect(kiosk.find('[data-test=take-ticket]').exists()).toBe(false)
    const online = mountIt(GuidanceRoute, { route: ONLINE, tenantCode: '441825' }).wrapper
    expect(online.find('[data-test=route-channel]').text()).toBe('网上办理')
    expect(online.find('[data-test=route-where]').text()).toContain('网上办理，无需到大厅')
    expect(online.find('[data-test=route-windows]').exists()).toBe(false)
    expect(online.find('[data-test=take-ticket]').exists()).toBe(false)
  })
})

describe("a package's parts after its walk (G1, G2, G3)", () => {
  it('lists each part that applies with where to go, and the parts that do not apply with why', () => {
    const { wrapper } = mountIt(PackageParts, {
      parts: [
        { itemId: '441825:a', name: '生育登记', applies: true, outcome: { title: '生育登记（网上即办）', notes: null }, route: ONLINE },
        { itemId: '441825:b', name: '出生登记', applies: false, outcome: { title: '本县不办理出生登记', notes: null }, route: null },
        { itemId: '441825:c', name: '社会保障卡申领', applies: true, outcome: { title: '补换卡', notes: null }, route: WINDOW },
      ],
      skipped: [{ itemId: '441825:b', itemName: '出生登记', reason: '新生儿在父母户籍所在地落户，请到户籍地派出所或其政务服务窗口办理' }],
    })
    const parts = wrapper.findAll('[data-test=part]')
    expect(parts.map((p) => p.attributes('data-part'))).toEqual(['生育登记', '社会保障卡申领'])
    expect(parts[0].find('[data-test=route-where]').text()).toContain('网上办理')
    expect(parts[1].find('[data-test=route-where]').text()).toBe('请取“GA”号（户政），到连山县政务服务中心10号公安窗口办理')
    expect(parts[1].find('[data-test=take-ticket]').exists()).toBe(true)
    const skipped = wrapper.findAll('[data-test=skipped-part]')
    expect(skipped).toHaveLength(1)
    expect(skipped[0].text()).toContain('出生登记')
    expect(skipped[0].text()).toContain('不需办理：新生儿在父母户籍所在地落户')
  })

  it("a part's ticket is taken for its item with the answers on its own path (G1)", async () => {
    const { wrapper, router } = mountIt(PackageParts, {
      parts: [{ itemId: '441825:c', name: '社会保障卡申领', applies: true, outcome: { title: '补换卡', notes: null }, route: WINDOW }],
      skipped: [],
      answered: [{ key: 'married', value: 'YES', askedFor: ['生育登记'] }, { key: 'first', value: 'NO', askedFor: ['社会保障卡申领'] }],
    })
    await wrapper.find('[data-test=take-ticket]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toMatchObject({ tenant: '441825', category: 'GA', item: '441825:c' })
    expect([router.currentRoute.value.query.a].flat()).toEqual(['first:NO'])
  })

  it("with the package's one ticket (一窗受理, G3) the parts' routes are information only: where each is done alone, no ticket per part", () => {
    const { wrapper } = mountIt(PackageParts, { oneWindow: true, skipped: [], answered: [],
      parts: [{ itemId: '441825:c', name: '社会保障卡申领', applies: true, outcome: null, route: WINDOW },
        { itemId: '441825:a', name: '生育登记', applies: true, outcome: null, route: ONLINE }] })
    expect(wrapper.findAll('[data-test=route-where]').map((w) => w.text())).toEqual(['单独办理时：' + WINDOW.where, ONLINE.where])
    expect(wrapper.find('[data-test=route-windows]').text()).toBe('连山县政务服务中心 · 10号公安窗口')
    expect(wrapper.findAll('[data-test=take-ticket]')).toHaveLength(0)
  })
})
