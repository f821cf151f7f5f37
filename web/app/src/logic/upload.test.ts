import { describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BYTES, problemText, refusal } from './upload'

describe('a material file before it is sent (C1)', () => {
  it('takes photos, PDF and OFD up to 20 MB', () => {
    expect(refusal({ name: 'IMG_0001.jpg', type: 'image/jpeg', size: 2_000_000 })).toBeNull()
    expect(refusal({ name: '申请表.pdf', type: 'application/pdf', size: MAX_UPLOAD_BYTES })).toBeNull()
    expect(refusal({ name: '营业执照.ofd', type: '', size: 1000 })).toBeNull()
  })

  it('refuses an empty file, one over 20 MB and other types, saying why in Chinese', () => {
    expect(refusal({ name: 'a.jpg', type: 'image/jpeg', size: 0 })).toContain('空')
    expect(refusal({ name: 'a.jpg', type: 'image/jpeg', size: MAX_UPLOAD_BYTES + 1 })).toBe('文件过大（20.0 MB），每份材料最多 20 MB')
    expect(refusal({ name: 'a.heic', type: 'image/heic', size: 1000 })).toBe('只能上传 JPG、PNG 照片或 PDF、OFD 文件')
    expect(refusal({ name: 'setup.exe', type: 'application/x-msdownload', size: 1000 })).not.toBeNull()
  })

  it("shows the server's refusal from its problem document, or what the status means", () => {
    expect(problemText(400, JSON.stringify({ code: 'VALIDATION', field: 'file', detail: '文件内容不是允许的类型（PDF、OFD、JPEG、PNG）' })))
      .toBe('文件内容不是允许的类型（PDF、OFD、JPEG、PNG）')
    expect(problemText(413, '<html>too large</html>')).toContain('20 MB')
    expect(problemText(401, '')).toContain('登录')
    expect(problemText(0, '')).toContain('网络')
    expect(problemText(502, '')).toBe('上传失败（502），请稍后重试')
  })
})
