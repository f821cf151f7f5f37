import type { DeadlineTone } from '@zwy/shared'

/** A bad review's rectification as the console reads it (ADR 0020, V6). */
export interface RectificationState {
  state: string
  dueOn: string | null
  overdue: boolean
  finding: string | null
  assignee: string | null
}

/** The loop's steps (差评发现 → 问题核实 → 反馈整改 → 问题回访 → 改进提升), each a mutation of ADR 0020. */
export type RectificationStep = 'assign' | 'verify' | 'rectify' | 'callBack' | 'close'

export const RECTIFICATION_LABELS: Record<string, string> = {
  OPEN: '待指派', ASSIGNED: '待核实答复', VERIFIED: '待整改', RECTIFIED: '待回访', CALLED_BACK: '待办结', CLOSED: '已办结',
}

export const STEP_LABELS: Record<RectificationStep, string> = {
  assign: '指派责任人', verify: '核实并答复', rectify: '记录整改', callBack: '回访', close: '办结',
}

export const FINDING_LABELS: Record<string, string> = { VALID: '属实', INVALID: '不属实', MALICIOUS: '恶意差评' }

export const REVIEW_LEVEL_LABELS: Record<string, string> = {
  VERY_SATISFIED: '非常满意', SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意', VERY_DISSATISFIED: '非常不满意',
}

/** The state's label; a verified review found invalid or malicious waits to be closed, not rectified. */
export function rectificationLabel(r: Pick<RectificationState, 'state' | 'finding'>): string {
  if (r.state === 'VERIFIED' && r.finding && r.finding !== 'VALID') return RECTIFICATION_LABELS.CALLED_BACK
  return RECTIFICATION_LABELS[r.state] ?? r.state
}

/** The one step the loop takes next (V6: a step out of order is refused by the API); null when closed. */
export function nextStep(r: Pick<RectificationState, 'state' | 'finding'>): RectificationStep | null {
  switch (r.state) {
    case 'OPEN': return 'assign'
    case 'ASSIGNED': return 'verify'
    case 'VERIFIED': return r.finding === 'VALID' ? 'rectify' : 'close'
    case 'RECTIFIED': return 'callBack'
    case 'CALLED_BACK': return 'close'
    default: return null
  }
}

/**
 * Whether the caller may take the step (the API checks again): the centre administrator assigns and closes; the
 * assignee (谁办理谁负责) or a centre administrator verifies, rectifies and calls back.
 */
export function mayTake(step: RectificationStep | null, r: Pick<RectificationState, 'assignee'>, roles: readonly string[], username: string): boolean {
  if (!step) return false
  const admin = roles.includes('centre_admin')
  if (step === 'assign' || step === 'close') return admin
  return admin || (!!r.assignee && r.assignee === username)
}

/** Deadline colour of the current step: red past it, amber due today or tomorrow, green otherwise, grey when closed. */
export function rectificationTone(r: Pick<RectificationState, 'state' | 'dueOn' | 'overdue'>, today: string): DeadlineTone {
  if (r.state === 'CLOSED' || !r.dueOn) return 'none'
  if (r.overdue || r.dueOn < today) return 'overdue'
  return r.dueOn <= addDays(today, 1) ? 'near' : 'ok'
}

/** yyyy-MM-dd plus n calendar days. */
export function addDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** Today in Beijing (the halls' calendar), yyyy-MM-dd. */
export function beijingToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}
