/**
 * Photos and files of materials (C1) through the platform's one upload path: a multipart `POST /uploads` at the
 * gateway (its UploadRoute, passed on to case-service, which decides the type from the content and stores the file),
 * answering the upload id that `submitCase`'s `materials[].uploadId` then references (README "Try it").
 */

/** What case-service accepts (decided from the bytes there; the phone checks the declared type first to save the upload). */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'application/pdf', 'application/ofd']
/** zwy.uploads.max-bytes of the gateway and case-service (20 MB). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

export interface UploadAnswer { id: string; name: string; type: string; mediaType: string; size: number; sha256: string }

/** Why the phone refuses a file before sending it, or null when it may go. */
export function refusal(file: { name: string; type: string; size: number }): string | null {
  if (file.size === 0) return '文件是空的，请重新拍照或选择'
  if (file.size > MAX_UPLOAD_BYTES) return `文件过大（${megabytes(file.size)}），每份材料最多 20 MB`
  // a phone may declare no type (some file managers): case-service decides from the content
  if (file.type && !ACCEPTED_TYPES.includes(file.type) && !/\.ofd$/i.test(file.name)) {
    return '只能上传 JPG、PNG 照片或 PDF、OFD 文件'
  }
  return null
}

export function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** The server's refusal in Chinese: the problem's detail (RFC 9457, the platform's one error format), or what the status means. */
export function problemText(status: number, body: string): string {
  try {
    const p = JSON.parse(body) as { detail?: string }
    if (p.detail) return p.detail
  } catch {
    // not a problem document (a proxy's page): fall back on the status
  }
  if (status === 401) return '登录已过期，请重新登录后上传'
  if (status === 413) return '文件过大，每份材料最多 20 MB'
  if (status === 429) return '上传过于频繁，请稍后再试'
  if (status === 0) return '网络连接失败，请稍后重试'
  return `上传失败（${status}），请稍后重试`
}

export class UploadRefused extends Error {}

/** One file to `POST /uploads` with the caller's token; reports the bytes sent (0–100) as they go (XMLHttpRequest: fetch has no upload progress). */
export function uploadFile(file: Blob, name: string, token: string | null, onProgress: (percent: number) => void,
                           base: string = window.location.origin): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', base + '/uploads')
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100))) }
    xhr.onload = () => {
      if (xhr.status === 201 || xhr.status === 200) resolve(JSON.parse(xhr.responseText) as UploadAnswer)
      else reject(new UploadRefused(problemText(xhr.status, xhr.responseText)))
    }
    xhr.onerror = () => reject(new UploadRefused(problemText(0, '')))
    const form = new FormData()
    form.append('file', file, name)
    xhr.send(form)
  })
}
