/** Deadline colours of the case inbox (C8): overdue red, near the deadline amber, otherwise green; not yet accepted grey. */
export type DeadlineTone = 'overdue' | 'near' | 'ok' | 'none'

export function deadlineTone(c: { daysLeft?: number | null; warning?: string | null; deadline?: string | null }): DeadlineTone {
  if (c.warning === 'OVERDUE' || (c.daysLeft != null && c.daysLeft < 0)) return 'overdue'
  if (c.warning === 'NEAR_DEADLINE' || (c.daysLeft != null && c.daysLeft <= 1)) return 'near'
  if (c.deadline == null && c.daysLeft == null) return 'none'
  return 'ok'
}

/** A DateTime of the API (ISO instant) in Beijing time, as the halls read it: 2026-12-02 18:05. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  const f = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  })
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** The clock's warning in Chinese (C8), or null for none ("NONE"). */
export function warningLabel(w: string | null | undefined): string | null {
  if (!w || w === 'NONE') return null
  return ({ NEAR_DEADLINE: '即将到期', OVERDUE: '已超期' } as Record<string, string>)[w] ?? w
}

/** What is wrong with a material in a one-time notice (C2): the API's MISSING or FAULTY. */
export const NOTICE_PROBLEMS: Record<string, string> = { MISSING: '缺少', FAULTY: '不符合要求' }

export const STATUS_LABELS: Record<string, string> = {
  SUBMITTED: '已提交', CORRECTION_REQUIRED: '待补正', ACCEPTED: '已受理', REJECTED: '不予受理',
  COMPLETED: '已办结', DELIVERED: '已送达', WITHDRAWN: '已撤回',
}

/** A random idempotency key for one submission (a retry of the same form sends the same key). */
export function idempotencyKey(): string {
  return crypto.randomUUID()
}

/**
 * A search highlight as safe HTML: Elasticsearch marks matched words with <em> but does not escape
 * the guide's own text, so everything is escaped first and only the <em> marks are let back in.
 */
export function safeHighlight(fragment: string): string {
  const escaped = fragment.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  return escaped.replace(/&lt;em&gt;/g, '<em>').replace(/&lt;\/em&gt;/g, '</em>')
}
