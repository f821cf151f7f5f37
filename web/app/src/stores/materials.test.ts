import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useMaterialFiles, type Uploader } from './materials'
import { UploadRefused } from '../logic/upload'

const photo = (name = 'IMG_0001.jpg', size = 1000, type = 'image/jpeg') => new File([new Uint8Array(size)], name, { type })
const answer = (id: string) => ({ id, name: 'IMG_0001.jpg', type: 'JPEG', mediaType: 'image/jpeg', size: 1000, sha256: 'x' })

describe('the photos of a filing form, per material (C1)', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('shows the progress while sending, then the upload id goes into the submission', async () => {
    const files = useMaterialFiles()
    let report: (p: number) => void = () => {}
    let finish: () => void = () => {}
    const upload: Uploader = (_f, progress) => { report = progress; return new Promise((ok) => { finish = () => ok(answer('0b6f…-id')) }) }
    const sent = files.add('居民身份证', photo(), upload)
    expect(files.files['居民身份证'].status).toBe('uploading')
    expect(files.busy).toBe(true)
    report(40)
    expect(files.files['居民身份证'].message).toBe('上传中 40%')
    finish()
    expect(await sent).toBe(true)
    expect(files.files['居民身份证']).toMatchObject({ status: 'done', progress: 100, uploadId: '0b6f…-id', message: '已上传' })
    expect(files.busy).toBe(false)
    expect(files.refs(['居民身份证', '户口簿'])).toEqual([
      { name: '居民身份证', copies: 1, uploadId: '0b6f…-id' },
      { name: '户口簿', copies: 1, uploadId: null },
    ])
  })

  it("keeps the server's refusal on its material only; a file refused on the phone is never sent", async () => {
    const files = useMaterialFiles()
    let calls = 0
    const refused: Uploader = async () => { calls += 1; throw new UploadRefused('文件内容不是允许的类型') }
    expect(await files.add('户口簿', photo('fake.jpg'), refused)).toBe(false)
    expect(files.files['户口簿']).toMatchObject({ status: 'failed', message: '文件内容不是允许的类型', uploadId: null })
    expect(await files.add('照片', photo('big.jpg', 21 * 1024 * 1024), refused)).toBe(false)
    expect(files.files['照片'].message).toContain('文件过大')
    expect(calls).toBe(1)
    expect(files.refs(['户口簿'])[0].uploadId).toBeNull()
  })

  it('a newer photo of the same material wins over one still sending', async () => {
    const files = useMaterialFiles()
    let first: () => void = () => {}
    const slow: Uploader = () => new Promise((ok) => { first = () => ok(answer('old')) })
    const a = files.add('照片', photo('a.jpg'), slow)
    await files.add('照片', photo('b.jpg'), async () => answer('new'))
    first()
    expect(await a).toBe(false)
    expect(files.files['照片']).toMatchObject({ fileName: 'b.jpg', uploadId: 'new' })
    files.remove('照片')
    expect(files.refs(['照片'])[0].uploadId).toBeNull()
  })
})
