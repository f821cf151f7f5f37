import type { DeadlineTone } from '@zwy/shared'

/** A complaint as the console decides what to do with it (ADR 0023, P2–P4). */
export interface ComplaintSteps {
  state: string
  handlingMode: string | null
  complexity: string | null
  clock: { step: string; dueOn: string; colour: string } | null
}

export type ComplaintAction = 'accept' | 'refuse' | 'assign' | 'delay' | 'result'

export const COMPLAINT_STATE_LABELS: Record<string, string> = { FILED: '待受理', ACCEPTED: '办理中', REFUSED: '不予受理', RESULT_GIVEN: '已答复' }
export const CHANNEL_LABELS: Record<string, string> = {
  ON_SITE: '现场', PHONE: '电话', LETTER: '信函', EMAIL: '电子邮件', APP: 'App', MINI_PROGRAM: '小程序', WEBSITE: '网站', HOTLINE_12345: '12345 热线',
}
export const MODE_LABELS: Record<string, string> = { DIRECT: '直查', TRANSFER: '转办', SUPERVISE: '督办' }
export const COMPLEXITY_LABELS: Record<string, string> = { SIMPLE: '一般（3 个工作日）', COMPLEX: '复杂（10 个工作日）', SPECIAL: '特殊（延期）' }
export const REFUSAL_CHANNEL_LABELS: Record<string, string> = {
  LITIGATION: '诉讼', ARBITRATION: '仲裁', ADMINISTRATIVE_RECONSIDERATION: '行政复议', PETITION: '信访', DEPARTMENT: '主管部门',
}
export const CLOCK_STEP_LABELS: Record<string, string> = { ACCEPTANCE: '受理', HANDLING: '答复', REVIEW: '可申请复查' }

/** The clock's colour as the API computed it on the tenant's calendar (RED past, YELLOW due today or next working day). */
export function clockTone(c: Pick<ComplaintSteps, 'clock'>): DeadlineTone {
  switch (c.clock?.colour) {
    case 'RED': return 'overdue'
    case 'YELLOW': return 'near'
    case 'GREEN': return 'ok'
    default: return 'none'
  }
}

/**
 * What the centre administrator or supervisor may do next (the API refuses a step out of order, P2/P3): a filed
 * complaint is accepted or refused; an accepted one gets its handling assigned, then its result; the delay to 30
 * working days (the centre administrator, once) while it is being handled and not yet special.
 */
export function complaintActions(c: ComplaintSteps, roles: readonly string[]): ComplaintAction[] {
  const handles = roles.includes('centre_admin') || roles.includes('supervisor')
  if (!handles) return []
  if (c.state === 'FILED') return ['accept', 'refuse']
  if (c.state !== 'ACCEPTED') return []
  const actions: ComplaintAction[] = c.handlingMode ? [] : ['assign']
  actions.push('result')
  if (roles.includes('centre_admin') && c.complexity !== 'SPECIAL') actions.push('delay')
  return actions
}
