import { describe, expect, it } from 'vitest'
import { addDays, beijingToday, mayTake, nextStep, rectificationLabel, rectificationTone } from './rectification'

describe('the rectification loop in the console (V6)', () => {
  it('takes the steps in order: assign, verify, rectify a valid one, call back, close', () => {
    expect(nextStep({ state: 'OPEN', finding: null })).toBe('assign')
    expect(nextStep({ state: 'ASSIGNED', finding: null })).toBe('verify')
    expect(nextStep({ state: 'VERIFIED', finding: 'VALID' })).toBe('rectify')
    expect(nextStep({ state: 'RECTIFIED', finding: 'VALID' })).toBe('callBack')
    expect(nextStep({ state: 'CALLED_BACK', finding: 'VALID' })).toBe('close')
    expect(nextStep({ state: 'CLOSED', finding: 'VALID' })).toBeNull()
  })

  it('closes an invalid or malicious finding right after verification', () => {
    expect(nextStep({ state: 'VERIFIED', finding: 'INVALID' })).toBe('close')
    expect(nextStep({ state: 'VERIFIED', finding: 'MALICIOUS' })).toBe('close')
    expect(rectificationLabel({ state: 'VERIFIED', finding: 'MALICIOUS' })).toBe('待办结')
    expect(rectificationLabel({ state: 'VERIFIED', finding: 'VALID' })).toBe('待整改')
  })

  it('lets the centre administrator assign and close, the assignee verify, rectify and call back', () => {
    const r = { assignee: 'lianshan.clerk' }
    expect(mayTake('assign', r, ['centre_admin'], 'lianshan.admin')).toBe(true)
    expect(mayTake('assign', r, ['clerk'], 'lianshan.clerk')).toBe(false)
    expect(mayTake('verify', r, ['clerk'], 'lianshan.clerk')).toBe(true)
    expect(mayTake('verify', r, ['clerk'], 'jitian.agent')).toBe(false)
    expect(mayTake('callBack', { assignee: null }, ['window_lead'], 'x')).toBe(false)
    expect(mayTake('close', r, ['clerk'], 'lianshan.clerk')).toBe(false)
    expect(mayTake('rectify', r, ['centre_admin'], 'lianshan.admin')).toBe(true)
    expect(mayTake(null, r, ['centre_admin'], 'lianshan.admin')).toBe(false)
  })

  it('colours the current step by its deadline', () => {
    const today = '2026-12-02'
    expect(rectificationTone({ state: 'ASSIGNED', dueOn: '2026-12-01', overdue: false }, today)).toBe('overdue')
    expect(rectificationTone({ state: 'ASSIGNED', dueOn: '2026-12-09', overdue: true }, today)).toBe('overdue')
    expect(rectificationTone({ state: 'ASSIGNED', dueOn: '2026-12-02', overdue: false }, today)).toBe('near')
    expect(rectificationTone({ state: 'ASSIGNED', dueOn: '2026-12-03', overdue: false }, today)).toBe('near')
    expect(rectificationTone({ state: 'VERIFIED', dueOn: '2026-12-16', overdue: false }, today)).toBe('ok')
    expect(rectificationTone({ state: 'CLOSED', dueOn: '2026-12-01', overdue: false }, today)).toBe('none')
  })

  it('counts days across a month and reads today in Beijing', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    // 17:00 UTC is already the next day in Beijing
    expect(beijingToday(new Date('2026-12-02T17:00:00Z'))).toBe('2026-12-03')
  })
})
