import { describe, expect, it } from 'vitest'
import { clockTone, complaintActions } from './complaints'

const filed = { state: 'FILED', handlingMode: null, complexity: null, clock: { step: 'ACCEPTANCE', dueOn: '2026-12-07', colour: 'GREEN' } }

describe('complaints in the console (P2–P4)', () => {
  it('colours each complaint by its current clock', () => {
    expect(clockTone(filed)).toBe('ok')
    expect(clockTone({ clock: { step: 'HANDLING', dueOn: '2026-12-02', colour: 'YELLOW' } })).toBe('near')
    expect(clockTone({ clock: { step: 'ACCEPTANCE', dueOn: '2026-11-27', colour: 'RED' } })).toBe('overdue')
    expect(clockTone({ clock: null })).toBe('none')
  })

  it('a filed complaint is accepted or refused by the centre, within 3 working days (P2)', () => {
    expect(complaintActions(filed, ['centre_admin'])).toEqual(['accept', 'refuse'])
    expect(complaintActions(filed, ['supervisor'])).toEqual(['accept', 'refuse'])
    expect(complaintActions(filed, ['window_lead'])).toEqual([])
  })

  it('an accepted one is assigned, answered, and only the centre administrator delays it, once (P3)', () => {
    const accepted = { ...filed, state: 'ACCEPTED' }
    expect(complaintActions(accepted, ['centre_admin'])).toEqual(['assign', 'result', 'delay'])
    expect(complaintActions(accepted, ['supervisor'])).toEqual(['assign', 'result'])
    const assigned = { ...accepted, handlingMode: 'DIRECT', complexity: 'COMPLEX' }
    expect(complaintActions(assigned, ['centre_admin'])).toEqual(['result', 'delay'])
    expect(complaintActions({ ...assigned, complexity: 'SPECIAL' }, ['centre_admin'])).toEqual(['result'])
  })

  it('a refused or answered complaint has no more steps for the centre', () => {
    expect(complaintActions({ ...filed, state: 'REFUSED' }, ['centre_admin'])).toEqual([])
    expect(complaintActions({ ...filed, state: 'RESULT_GIVEN' }, ['centre_admin'])).toEqual([])
  })
})
