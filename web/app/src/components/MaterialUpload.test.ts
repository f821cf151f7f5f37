import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { Button, Progress, Uploader } from 'vant'
import MaterialUpload from './MaterialUpload.vue'
import { AUTH } from '../keys'
import { useMaterialFiles } from '../stores/materials'

/** A stand-in for the browser's XMLHttpRequest: reports upload progress, then answers what the test says. */
function fakeXhr(status: number, body: unknown) {
  const sent: { url: string; auth: string | null; form: FormData | null } = { url: '', auth: null, form: null }
  class Xhr {
    status = 0
    responseText = ''
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    private headers: Record<string, string> = {}
    open(_method: string, url: string) { sent.url = url }
    setRequestHeader(k: string, v: string) { this.headers[k] = v }
    send(form: FormData) {
      sent.auth = this.headers.Authorization ?? null
      sent.form = form
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 })
        setTimeout(() => { this.status = status; this.responseText = JSON.stringify(body); this.onload?.() }, 0)
      }, 0)
    }
  }
  vi.stubGlobal('XMLHttpRequest', Xhr)
  return sent
}

async function choose(wrapper: ReturnType<typeof mount>, which: number, file: File) {
  const input = wrapper.findAll('input[type=file]')[which]
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await vi.waitFor(async () => { await flushPromises(); expect(['done', 'failed']).toContain(useMaterialFiles().files['居民身份证']?.status) })
}

function mountIt() {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(MaterialUpload, {
    props: { material: '居民身份证' },
    global: { plugins: [pinia, Uploader, Button, Progress], provide: { [AUTH as symbol]: { token: async () => 'citizen-token' } } },
  })
}

describe('a material photo on the filing form (C1)', () => {
  // jsdom has no object URLs (Vant's uploader and the preview make one per photo)
  beforeEach(() => { URL.createObjectURL = () => 'blob:photo'; URL.revokeObjectURL = () => {} })
  afterEach(() => vi.unstubAllGlobals())

  it('拍照 opens the camera and sends the photo to POST /uploads with the token; the answer shows 已上传', async () => {
    const sent = fakeXhr(201, { id: '7d1f0c52-0000-4000-8000-000000000001', name: 'IMG_0001.jpg', type: 'JPEG', mediaType: 'image/jpeg', size: 3, sha256: 'x' })
    const wrapper = mountIt()
    expect(wrapper.findAll('input[type=file]')[0].attributes('capture')).toBe('camera')
    expect(wrapper.findAll('input[type=file]')[1].attributes('capture')).toBeUndefined()
    await choose(wrapper, 0, new File([new Uint8Array([0xff, 0xd8, 0xff])], 'IMG_0001.jpg', { type: 'image/jpeg' }))
    expect(sent.url).toMatch(/\/uploads$/)
    expect(sent.auth).toBe('Bearer citizen-token')
    expect((sent.form?.get('file') as File).name).toBe('IMG_0001.jpg')
    expect(wrapper.find('[data-test=upload-state]').text()).toBe('已上传')
    expect(useMaterialFiles().refs(['居民身份证'])[0].uploadId).toBe('7d1f0c52-0000-4000-8000-000000000001')
  })

  it("shows the server's refusal under the material, as an alert for screen readers", async () => {
    fakeXhr(400, { code: 'VALIDATION', field: 'file', detail: '只接受 PDF、OFD、JPEG、PNG 格式的材料' })
    const wrapper = mountIt()
    await choose(wrapper, 1, new File([new Uint8Array([0x4d, 0x5a])], 'fake.jpg', { type: 'image/jpeg' }))
    const state = wrapper.find('[data-test=upload-state]')
    expect(state.attributes('role')).toBe('alert')
    expect(state.text()).toBe('只接受 PDF、OFD、JPEG、PNG 格式的材料')
    expect(useMaterialFiles().refs(['居民身份证'])[0].uploadId).toBeNull()
  })
})
