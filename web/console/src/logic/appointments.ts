import { beijingTime } from '@zwy/shared'
import { addDays } from './rectification'

/** A slot as slots() answers it for one hall, item and day. */
export interface Slot { id: string; startsAt: string; endsAt: string; capacity: number; remaining: number; releasesAt: string | null }

/** One cell of the appointments calendar: the slot's bookings of its places, and how full it is. */
export interface Cell { slot: Slot; booked: number; fill: 'empty' | 'some' | 'full' }

/** The calendar of a hall: the slot start times (Beijing, HH:mm) as rows, the days as columns. */
export interface Grid { days: string[]; times: string[]; cells: Record<string, Record<string, Cell>> }

/** The days of a view starting on {@code from}: one (day view) or seven (week view). */
export function viewDays(from: string, week: boolean): string[] {
  return Array.from({ length: week ? 7 : 1 }, (_, i) => addDays(from, i))
}

/**
 * The calendar from each day's slots: a slot's places are all the windows serving bookings can take, so
 * booked = capacity − remaining (A1: never more than the capacity). A day not released yet (放号) has no bookings.
 */
export function slotGrid(days: string[], slotsByDay: Record<string, Slot[] | undefined>): Grid {
  const cells: Record<string, Record<string, Cell>> = {}
  const times = new Set<string>()
  for (const day of days) {
    for (const slot of slotsByDay[day] ?? []) {
      const time = beijingTime(slot.startsAt).slice(11)
      times.add(time)
      const booked = Math.max(0, Math.min(slot.capacity, slot.capacity - slot.remaining))
      const fill = booked === 0 ? 'empty' : booked >= slot.capacity ? 'full' : 'some'
      ;(cells[time] ??= {})[day] = { slot, booked, fill }
    }
  }
  return { days, times: [...times].sort(), cells }
}

/** A day's total bookings and places, for the column header. */
export function dayTotals(grid: Grid, day: string): { booked: number; capacity: number } {
  let booked = 0
  let capacity = 0
  for (const time of grid.times) {
    const c = grid.cells[time]?.[day]
    if (c) { booked += c.booked; capacity += c.slot.capacity }
  }
  return { booked, capacity }
}
