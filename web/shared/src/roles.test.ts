import { describe, expect, it } from 'vitest'
import { menuFor, platformRoles } from './roles'

describe('the console menu by role (T7)', () => {
  it('a clerk has the inbox and the queue, never the provincial dashboard or the catalog', () => {
    const keys = menuFor(['clerk']).map((m) => m.key)
    expect(keys).toContain('inbox')
    expect(keys).toContain('queue')
    expect(keys).not.toContain('dashboard')
    expect(keys).not.toContain('catalog')
  })
  it('the hall\'s guides (引导员) and the front desk have the guidance desk (G1); an approver does not', () => {
    expect(menuFor(['guide']).map((m) => m.key)).toContain('guide')
    expect(menuFor(['clerk']).map((m) => m.key)).toContain('guide')
    expect(menuFor(['approver']).map((m) => m.key)).not.toContain('guide')
  })
  it('an approver decides cases and gives the department\'s joint opinions, but calls no tickets', () => {
    expect(menuFor(['approver']).map((m) => m.key)).toEqual(['inbox', 'joint'])
  })
  it('the front desk has the day\'s bookings by name; a provincial administrator neither that nor the joint reviews', () => {
    expect(menuFor(['clerk']).map((m) => m.key)).toEqual(expect.arrayContaining(['bookings', 'joint']))
    expect(menuFor(['provincial_admin']).map((m) => m.key)).not.toContain('bookings')
    expect(menuFor(['provincial_admin']).map((m) => m.key)).not.toContain('joint')
  })
  it('a provincial administrator reads the inbox and has the dashboard', () => {
    expect(menuFor(['provincial_admin']).map((m) => m.key)).toEqual(['inbox', 'dashboard'])
  })
  it('a city administrator compares its counties, and reads no county inbox', () => {
    expect(menuFor(['city_admin']).map((m) => m.key)).toEqual(['dashboard'])
  })
  it('the centre administrator runs the review loop and the complaints, and drills into its county', () => {
    const entries = menuFor(['centre_admin'])
    expect(entries.map((m) => m.key)).toEqual(expect.arrayContaining(['reviews', 'complaints', 'dashboard']))
    expect(entries.filter((m) => ['reviews', 'complaints', 'dashboard'].includes(m.key)).every((m) => !m.planned)).toBe(true)
  })
  it('a clerk sees the bad reviews they may be answering for, not the complaints', () => {
    const keys = menuFor(['clerk']).map((m) => m.key)
    expect(keys).toContain('reviews')
    expect(keys).not.toContain('complaints')
  })
  it('every screen of the issue is built: the centre administrator\'s catalog, organisation, calendar and indicators are live', () => {
    const entries = menuFor(['centre_admin'])
    expect(entries.map((m) => m.key)).toEqual(expect.arrayContaining(['catalog', 'organisation', 'appointments', 'indicators']))
    expect(entries.filter((m) => m.planned)).toEqual([])
  })
  it('a clerk keeps the appointments calendar but not the organisation or the indicators', () => {
    const keys = menuFor(['clerk']).map((m) => m.key)
    expect(keys).toContain('appointments')
    expect(keys).not.toContain('organisation')
    expect(keys).not.toContain('indicators')
  })
  it("Keycloak's own roles are not the platform's", () => {
    expect(platformRoles(['offline_access', 'uma_authorization', 'default-roles-staff', 'clerk'])).toEqual(['clerk'])
  })
})
