import { describe, expect, it } from 'vitest'
import { dayCounts, dueClass, mayCheckIn, nameQuery, opinionInput, readLine, slotLabel, type DayAppointment } from './consoleLists'

const booking = (status: string): DayAppointment => ({
  id: '441825:' + status, bookingCode: 'K7M2QX9D', status, personNameMasked: '张*', forOther: false, contactPhoneMasked: null,
  startsAt: '2026-12-03T01:00:00Z', endsAt: '2026-12-03T01:30:00Z', itemId: 'i', itemName: '社会保障卡申领', checkedInAt: null,
})

describe('who was shown a case\'s personal numbers (M3)', () => {
  it('a line says when in Beijing, who, which number and why; the account when the name is unknown', () => {
    expect(readLine({ field: 'APPLICANT_ID_NUMBER', readerRealm: 'STAFF', readerId: 'u-1', readerName: '王五', reason: '窗口核验身份',
      readAt: '2026-12-03T01:02:03Z' })).toEqual({ at: '2026-12-03 09:02', who: '王五', what: '证件号码', why: '窗口核验身份' })
    expect(readLine({ field: 'APPLICANT_PHONE', readerRealm: 'STAFF', readerId: 'u-2', readerName: null, reason: '回访',
      readAt: '2026-12-03T01:02:03Z' }).who).toBe('u-2')
  })
})

describe('a hall\'s appointments of a day (A1)', () => {
  it('the typed name loses its spaces, full-width ones too; nothing typed is no search; too long is refused here', () => {
    expect(nameQuery(' 张 三\u3000')).toEqual({ name: '张三', error: null })
    expect(nameQuery('   ')).toEqual({ name: null, error: null })
    expect(nameQuery('名'.repeat(51)).error).toBe('姓名最多 50 个字')
    expect(nameQuery('名'.repeat(50)).name).toHaveLength(50)
  })
  it('the slot reads in Beijing time', () => {
    expect(slotLabel(booking('BOOKED'))).toBe('09:00–09:30')
  })
  it('counts by state, and only a waiting booking of today (Beijing) is checked in from the list', () => {
    const list = ['BOOKED', 'BOOKED', 'CHECKED_IN', 'NO_SHOW', 'CANCELLED'].map(booking)
    expect(dayCounts(list)).toEqual({ total: 5, booked: 2, checkedIn: 1, noShow: 1, cancelled: 1 })
    expect(list.map((a) => mayCheckIn(a, '2026-12-03'))).toEqual([true, true, false, false, false])
    expect(mayCheckIn(booking('BOOKED'), '2026-12-02')).toBe(false)
    // 23:30 on the 2nd in UTC is the 3rd in Beijing
    expect(mayCheckIn({ ...booking('BOOKED'), startsAt: '2026-12-02T23:30:00Z' }, '2026-12-03')).toBe(true)
  })
})

describe('a department\'s opinion on a joint case (C10)', () => {
  it('refusing needs a reason, agreeing does not; the opinion is trimmed', () => {
    expect(opinionInput({ agreed: false, opinion: '  ' })).toEqual({ error: '不同意须说明理由' })
    expect(opinionInput({ agreed: false, opinion: ' 场所不符合要求 ' })).toEqual({ agreed: false, opinion: '场所不符合要求' })
    expect(opinionInput({ agreed: true, opinion: '' })).toEqual({ agreed: true, opinion: null })
    expect(opinionInput({ agreed: true, opinion: 'x'.repeat(1001) })).toEqual({ error: '意见最多 1000 字' })
  })
  it('a due date past is red, today or tomorrow amber, later green (across a month end)', () => {
    expect(dueClass('2026-12-02', '2026-12-03')).toBe('overdue')
    expect(dueClass('2026-12-03', '2026-12-03')).toBe('near')
    expect(dueClass('2027-01-01', '2026-12-31')).toBe('near')
    expect(dueClass('2027-01-02', '2026-12-31')).toBe('ok')
  })
})
