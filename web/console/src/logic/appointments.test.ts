import { describe, expect, it } from 'vitest'
import { dayTotals, slotGrid, viewDays } from './appointments'

const slot = (id: string, startsAt: string, capacity: number, remaining: number) => ({
  id, startsAt, endsAt: startsAt, capacity, remaining, releasesAt: null,
})

describe('the appointments calendar of a hall (A1)', () => {
  it('a week view is seven calendar days from the first, across a month end', () => {
    expect(viewDays('2026-12-29', true)).toEqual(['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'])
    expect(viewDays('2026-12-29', false)).toEqual(['2026-12-29'])
  })
  it('rows are the slot times in Beijing, booked is capacity minus the places left', () => {
    const grid = slotGrid(['2026-12-03', '2026-12-04'], {
      // 01:00Z is 09:00 in Beijing; 00:30Z is 08:30
      '2026-12-03': [slot('a', '2026-12-03T01:00:00Z', 4, 1), slot('b', '2026-12-03T00:30:00Z', 4, 4)],
      '2026-12-04': [slot('c', '2026-12-04T01:00:00Z', 4, 0)],
    })
    expect(grid.times).toEqual(['08:30', '09:00'])
    expect(grid.cells['09:00']['2026-12-03']).toMatchObject({ booked: 3, fill: 'some' })
    expect(grid.cells['08:30']['2026-12-03']).toMatchObject({ booked: 0, fill: 'empty' })
    expect(grid.cells['09:00']['2026-12-04']).toMatchObject({ booked: 4, fill: 'full' })
    expect(grid.cells['08:30']['2026-12-04']).toBeUndefined()
    expect(dayTotals(grid, '2026-12-03')).toEqual({ booked: 3, capacity: 8 })
  })
  it('a day without slots (closed, or not open for the item) is an empty column', () => {
    const grid = slotGrid(['2026-12-05'], {})
    expect(grid.times).toEqual([])
    expect(dayTotals(grid, '2026-12-05')).toEqual({ booked: 0, capacity: 0 })
  })
})
