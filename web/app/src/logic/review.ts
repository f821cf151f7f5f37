/**
 * Whether the citizen may review a service now (好差评, V2/V4), from the API's list of their services still open for
 * review (`myPendingReviews`: a finished case or visit within 5 working days, or an overdue unfinished case) and the
 * service's own state; when not, why — in Chinese, next to where the review would be.
 */
export interface PendingReview { id: string; kind: string; caseId: string | null; ticketId: string | null; subject: string; lineName: string
  windowName: string | null; doneAt: string; closesOn: string | null }

export type ReviewGate = { open: true; closesOn: string | null } | { open: false; why: string }

const CASE_FINISHED = ['COMPLETED', 'DELIVERED']

/** A case (一事一评): open while listed; else not yet finished, or reviewed already / the period over. */
export function caseReviewGate(caseId: string, status: string, pending: PendingReview[] | null): ReviewGate | null {
  const p = pending?.find((x) => x.caseId === caseId && x.kind === 'CASE')
  if (p) return { open: true, closesOn: p.closesOn }
  if (!CASE_FINISHED.includes(status)) {
    if (status === 'REJECTED' || status === 'WITHDRAWN') return null
    return { open: false, why: '办结后可以评价本次办事（一事一评）；逾期未办结的办件也可以评价' }
  }
  if (pending == null) return null
  return { open: false, why: '本办件已评价，或已超过办结后 5 个工作日的评价期，不能再评价（一事一评，V2、V4）' }
}

/** A visit of the hall queue (一次一评): open while listed; a ticket not finished yet, missed, or reviewed / past the period. */
export function visitReviewGate(ticketId: string, status: string, pending: PendingReview[] | null): ReviewGate | null {
  const p = pending?.find((x) => x.ticketId === ticketId && x.kind === 'VISIT')
  if (p) return { open: true, closesOn: p.closesOn }
  if (status === 'MISSED') return { open: false, why: '本号已过号，没有可评价的服务' }
  if (status !== 'FINISHED') return { open: false, why: '窗口办理完成后可以评价本次服务（一次一评）' }
  if (pending == null) return null
  return { open: false, why: '本次服务已评价，或已超过办结后 5 个工作日的评价期，不能再评价（一次一评，V2、V4）' }
}

/** 1–5 stars as the API's five levels (V1): one and two stars are the bad reviews that need a reason (V5). */
export const LEVELS = ['VERY_DISSATISFIED', 'DISSATISFIED', 'BASICALLY_SATISFIED', 'SATISFIED', 'VERY_SATISFIED'] as const
export const SCORES: Record<string, number> = { VERY_SATISFIED: 10, SATISFIED: 8, BASICALLY_SATISFIED: 6, DISSATISFIED: 3, VERY_DISSATISFIED: 0 }
export const levelOf = (stars: number) => LEVELS[Math.min(5, Math.max(1, Math.round(stars))) - 1]
export const isBad = (stars: number) => SCORES[levelOf(stars)] <= 3
