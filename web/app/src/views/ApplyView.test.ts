import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createPinia, setActivePinia } from 'pinia'
import urql from '@urql/vue'
import { gateway } from './gatewayStub'
import type { Client } from '@urql/core'
import { Button, Cell, CellGroup, Checkbox, CheckboxGroup, Empty, Field, Form, Loading, NavBar, Progress, Uploader } from 'vant'
import ApplyView from './ApplyView.vue'
import { i18n } from '../i18n'
import { AUTH } from '../keys'

// the toast's stylesheet (imported by the view for its one showToast) is the browser's business, not jsdom's
vi.mock('vant/es/toast/style', () => ({}))


const settle = async () => { for (let i = 0; i < 6; i++) { await flushPromises(); await new Promise((r) => setTimeout(r, 0)) } }

async function mountAt(path: string, client: Client) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  await router.push(path)
  const wrapper = mount(ApplyView, { props: { id: '441825:birth' }, attachTo: document.body, global: {
    plugins: [router, createPinia(), i18n, [urql, client], Button, Cell, CellGroup, Checkbox, CheckboxGroup, Empty, Field, Form, Loading, NavBar,
      Progress, Uploader],
    provide: { [AUTH as symbol]: { token: async () => 'token' } },
  } })
  await settle()
  return { wrapper, router }
}

const ITEM = { item: { id: '441825:birth', name: '生育登记', current: { guide: { materials: [{ name: '居民身份证', required: true }, { name: '结婚证', required: false }],
  questionnaire: { questions: [{ id: 'order' }, { id: 'married' }] } } } } }
const ANSWERED = [{ questionId: 'order', question: '这是您家的第几个孩子？', value: '2', label: '第一至第三个孩子' },
  { questionId: 'married', question: '夫妻双方是否已办理结婚登记？', value: 'NO', label: '否' }]
const RECEIPT = { submitCase: { receipt: { caseId: '441825:c1', caseNumber: 'LS-2026-000001', promisedCompletionDate: null, warnings: [] } } }

async function fillAndSubmit(wrapper: Awaited<ReturnType<typeof mountAt>>['wrapper']) {
  await wrapper.find('[data-test=name] input').setValue('李四')
  await wrapper.find('[data-test=id-number] input').setValue('11010519491231002X')
  await wrapper.find('[data-test=phone] input').setValue('13800138000')
  await wrapper.find('form').trigger('submit')
  await settle()
}

describe('在线申请 after a walk (G2: the answers carry over, nothing is asked twice)', () => {
  beforeEach(() => { setActivePinia(createPinia()); document.body.innerHTML = '' })

  it("follows the answers: says so, offers only the outcome's materials, and files the answers with the case", async () => {
    const { client, calls } = gateway(({ query }) => (query.includes('submitCase') ? RECEIPT : query.includes('guidance(') ? { guidance: {
      complete: true, answered: ANSWERED, next: null,
      outcome: { title: '生育登记（网上即办）', notApplicable: false, notes: null, materials: [{ name: '居民身份证', required: true }] } } } : ITEM))
    const { wrapper, router } = await mountAt('/apply/441825:birth?a=order:2&a=married:NO', client)
    const walk = calls.find((c) => c.query.includes('guidance('))
    expect(walk?.variables).toEqual({ id: '441825:birth', a: [{ questionId: 'order', value: '2' }, { questionId: 'married', value: 'NO' }] })
    const guided = wrapper.find('[data-test=apply-guided]')
    expect(guided.text()).toContain('已按您的情形准备材料清单')
    expect(guided.text()).toContain('生育登记（网上即办）')
    expect(guided.text()).toContain('夫妻双方是否已办理结婚登记？否')
    expect(wrapper.findAll('[data-test=apply-form] .van-checkbox').map((c) => c.text())).toEqual(['居民身份证'])
    await fillAndSubmit(wrapper)
    const sent = calls.find((c) => c.query.includes('submitCase'))?.variables.input as Record<string, unknown>
    expect(sent.guidanceAnswers).toEqual([{ questionId: 'order', value: '2' }, { questionId: 'married', value: 'NO' }])
    expect(sent.materials).toEqual([{ name: '居民身份证', copies: 1, uploadId: null }])
    expect(router.currentRoute.value.path).toBe('/cases/441825:c1')
  })

  it('修改回答 goes back to the walk with the answers given', async () => {
    const { client } = gateway(({ query }) => (query.includes('guidance(') ? { guidance: { complete: true, answered: ANSWERED, next: null,
      outcome: { title: '生育登记（网上即办）', notApplicable: false, notes: null, materials: [{ name: '居民身份证', required: true }] } } } : ITEM))
    const { wrapper, router } = await mountAt('/apply/441825:birth?a=order:2&a=married:NO', client)
    await wrapper.find('[data-test=change-answers]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/guidance/441825:birth')
    expect(router.currentRoute.value.query.a).toEqual(['order:2', 'married:NO'])
  })

  it('answers that no longer reach an outcome say which question remains, and the form cannot be sent', async () => {
    const { client } = gateway(({ query }) => (query.includes('guidance(') ? { guidance: { complete: false, answered: ANSWERED.slice(0, 1),
      next: { text: '夫妻双方是否已办理结婚登记？' }, outcome: null } } : ITEM))
    const { wrapper } = await mountAt('/apply/441825:birth?a=order:2', client)
    expect(wrapper.find('[data-test=apply-walk-refused]').text()).toContain('情形引导尚未答完，还需回答：夫妻双方是否已办理结婚登记？')
    expect(wrapper.find('[data-test=apply-guided]').exists()).toBe(false)
    expect(wrapper.findAll('[data-test=apply-form] .van-checkbox')).toHaveLength(0)
    expect(wrapper.find('[data-test=submit]').attributes('disabled')).toBeDefined()
  })

  it('without a walk it is the whole list as before, files no answers, and offers the walk as optional', async () => {
    const { client, calls } = gateway(({ query }) => (query.includes('submitCase') ? RECEIPT : ITEM))
    const { wrapper } = await mountAt('/apply/441825:birth', client)
    expect(calls.some((c) => c.query.includes('guidance('))).toBe(false)
    expect(wrapper.find('[data-test=apply-guided]').exists()).toBe(false)
    expect(wrapper.find('[data-test=apply-walk-hint]').text()).toContain('先回答几个问题（可选）')
    expect(wrapper.findAll('[data-test=apply-form] .van-checkbox').map((c) => c.text())).toEqual(['居民身份证', '结婚证'])
    await fillAndSubmit(wrapper)
    const sent = calls.find((c) => c.query.includes('submitCase'))?.variables.input as Record<string, unknown>
    expect(sent).not.toHaveProperty('guidanceAnswers')
    expect((sent.materials as unknown[]).length).toBe(2)
  })
})
