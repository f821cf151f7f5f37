/**
 * The console's remaining lists (ADR 0033): who was shown a case's personal numbers (M3), a hall's appointments of a
 * day by masked name (A1), and the joint reviews waiting for a department's opinion (C10). What the screens compute.
 */
import { beijingTime } from '@zwy/shared'

export const PERSONAL_FIELDS: Record<string, string> = { APPLICANT_ID_NUMBER: '证件号码', APPLICANT_PHONE: '联系电话' }

export interface PersonalDataRead { field: string; readerRealm: string; readerId: string; readerName: string | null; reason: string; readAt: string }

/** One line of the case page's record of full reads: when (Beijing), who, what, why. */
export function readLine(r: PersonalDataRead): { at: string; who: string; what: string; why: string } {
  return { at: beijingTime(r.readAt), who: r.readerName || r.readerId, what: PERSONAL_FIELDS[r.field] ?? r.field, why: r.reason }
}

export interface DayAppointment {
  id: string; bookingCode: string; status: string; personNameMasked: string | null; forOther: boolean
  contactPhoneMasked: string | null; startsAt: string; endsAt: string; itemId: string; itemName: string; checkedInAt: string | null
}

export const APPOINTMENT_STATES: Record<string, { label: string; type: 'primary' | 'success' | 'info' | 'danger' }> = {
  BOOKED: { label: '待签到', type: 'primary' },
  CHECKED_IN: { label: '已签到', type: 'success' },
  CANCELLED: { label: '已取消', type: 'info' },
  NO_SHOW: { label: '爽约', type: 'danger' },
}

/**
 * The name typed into the search, as the API takes it: spaces (also the full-width one) removed; empty is no search.
 * A full name is matched exactly by the server (the name is kept only masked and as a keyed hash), one character as
 * the surname; anything longer than 50 characters is refused before asking.
 */
export function nameQuery(typed: string): { name: string | null; error: string | null } {
  const name = typed.replace(/[\s\u3000]+/g, '')
  if (!name) return { name: null, error: null }
  if ([...name].length > 50) return { name: null, error: '姓名最多 50 个字' }
  return { name, error: null }
}

/** The slot as the hall reads it (Beijing time): 09:00–09:30. */
export function slotLabel(a: { startsAt: string; endsAt: string }): string {
  return `${beijingTime(a.startsAt).slice(11, 16)}–${beijingTime(a.endsAt).slice(11, 16)}`
}

/** The day's counts by state, for the list's header. */
export function dayCounts(list: DayAppointment[]): { total: number; booked: number; checkedIn: number; noShow: number; cancelled: number } {
  const n = (s: string) => list.filter((a) => a.status === s).length
  return { total: list.length, booked: n('BOOKED'), checkedIn: n('CHECKED_IN'), noShow: n('NO_SHOW'), cancelled: n('CANCELLED') }
}

/** Only a booking still waiting, on its own day (Beijing), may be checked in from the list (A5: not a cancelled one, a no-show, another day's). */
export function mayCheckIn(a: DayAppointment, today: string): boolean {
  return a.status === 'BOOKED' && beijingTime(a.startsAt).slice(0, 10) === today
}

export interface JointOpinion { agreed: boolean; opinion: string }

/** A department's opinion as answerJointReview takes it: refusing needs a reason (C10); agreeing may add one. */
export function opinionInput(o: JointOpinion): { agreed: boolean; opinion: string | null } | { error: string } {
  const opinion = o.opinion.trim()
  if (!o.agreed && !opinion) return { error: '不同意须说明理由' }
  if (opinion.length > 1000) return { error: '意见最多 1000 字' }
  return { agreed: o.agreed, opinion: opinion || null }
}

/** The colour class of a review's due date: past due red, due today or tomorrow amber, else green. */
export function dueClass(due: string, today: string): 'overdue' | 'near' | 'ok' {
  if (due < today) return 'overdue'
  const next = new Date(Date.parse(today + 'T00:00:00Z') + 86400000).toISOString().slice(0, 10)
  return due <= next ? 'near' : 'ok'
}
