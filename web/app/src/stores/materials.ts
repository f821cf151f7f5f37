import { defineStore } from 'pinia'
import { refusal, UploadRefused, type UploadAnswer } from '../logic/upload'

/** One material's file on the filing form: sending (with its progress), sent (its upload id) or refused (why, in Chinese). */
export interface MaterialFile {
  status: 'uploading' | 'done' | 'failed'
  fileName: string
  progress: number
  uploadId: string | null
  message: string
}

export type Uploader = (file: File, onProgress: (percent: number) => void) => Promise<UploadAnswer>

/**
 * The files of one filing form, per material name (C1): a photo taken or chosen per material goes up at once, and the
 * submission references the upload ids. A new photo replaces the material's earlier one; a refusal stays on that
 * material only, so the others can still be sent.
 */
export const useMaterialFiles = defineStore('materialFiles', {
  state: () => ({ files: {} as Record<string, MaterialFile> }),
  getters: {
    busy: (s) => Object.values(s.files).some((f) => f.status === 'uploading'),
    /** submitCase's materials: every picked material, with its upload id when its file went up. */
    refs: (s) => (picked: string[]) => picked.map((name) => ({ name, copies: 1, uploadId: s.files[name]?.status === 'done' ? s.files[name].uploadId : null })),
  },
  actions: {
    reset() { this.files = {} },
    remove(material: string) { delete this.files[material] },
    async add(material: string, file: File, upload: Uploader): Promise<boolean> {
      const why = refusal(file)
      if (why) {
        this.files[material] = { status: 'failed', fileName: file.name, progress: 0, uploadId: null, message: why }
        return false
      }
      this.files[material] = { status: 'uploading', fileName: file.name, progress: 0, uploadId: null, message: '上传中 0%' }
      const entry = this.files[material]
      try {
        const answer = await upload(file, (p) => { entry.progress = p; entry.message = `上传中 ${p}%` })
        // a newer photo of the same material replaced this one while it was sending: keep the newer
        if (this.files[material] !== entry) return false
        Object.assign(entry, { status: 'done', progress: 100, uploadId: answer.id, message: '已上传' })
        return true
      } catch (e) {
        if (this.files[material] === entry) {
          Object.assign(entry, { status: 'failed', message: e instanceof UploadRefused ? e.message : '上传失败，请重试' })
        }
        return false
      }
    },
  },
})
