import { describe, expect, it } from 'vitest'
import { caseReviewGate, isBad, levelOf, visitReviewGate, type PendingReview } from './review'

const open = (o: Partial<PendingReview>): PendingReview => ({ id: '441825:o', kind: 'CASE', caseId: null, ticketId: null, subject: 'x', lineName: 'y',
  windowName: null, doneAt: '2026-12-01T02:00:00Z', closesOn: '2026-12-08', ...o })

describe('when a citizen may review (V2, V4)', () => {
  it('a case listed as open for review may be reviewed until its last day', () => {
    expect(caseReviewGate('441825:c1', 'COMPLETED', [open({ caseId: '441825:c1' })])).toEqual({ open: true, closesOn: '2026-12-08' })
    // an overdue unfinished case is listed too (closesOn null) and may be reviewed at once
    expect(caseReviewGate('441825:c1', 'ACCEPTED', [open({ caseId: '441825:c1', closesOn: null })])).toEqual({ open: true, closesOn: null })
  })

  it('says why not: not finished yet, or reviewed already / the 5 working days over', () => {
    const notYet = caseReviewGate('441825:c1', 'ACCEPTED', [])
    expect(notYet).toMatchObject({ open: false })
    expect(notYet && !notYet.open && notYet.why).toContain('办结后')
    const closed = caseReviewGate('441825:c1', 'COMPLETED', [open({ caseId: '441825:other' })])
    expect(closed && !closed.open && closed.why).toContain('5 个工作日')
    // not known yet while the list is being asked for: neither the review nor a reason
    expect(caseReviewGate('441825:c1', 'COMPLETED', null)).toBeNull()
    // a case not accepted has no review at all
    expect(caseReviewGate('441825:c1', 'REJECTED', [])).toBeNull()
  })

  it('a visit: only once finished and listed; a missed ticket has nothing to review', () => {
    expect(visitReviewGate('441825:t1', 'FINISHED', [open({ kind: 'VISIT', ticketId: '441825:t1' })])).toMatchObject({ open: true })
    expect(visitReviewGate('441825:t1', 'WAITING', [])).toMatchObject({ open: false })
    expect(visitReviewGate('441825:t1', 'MISSED', [])).toMatchObject({ open: false, why: '本号已过号，没有可评价的服务' })
    expect(visitReviewGate('441825:t1', 'FINISHED', [open({ caseId: '441825:t1' })])).toMatchObject({ open: false })
  })

  it('stars are the five levels of V1; one and two stars are bad reviews (V5)', () => {
    expect([1, 2, 3, 4, 5].map(levelOf)).toEqual(['VERY_DISSATISFIED', 'DISSATISFIED', 'BASICALLY_SATISFIED', 'SATISFIED', 'VERY_SATISFIED'])
    expect([1, 2, 3, 4, 5].map(isBad)).toEqual([true, true, false, false, false])
  })
})
