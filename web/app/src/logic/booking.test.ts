import { describe, expect, it } from 'vitest'
import { changeable, qrImage } from './booking'

describe('moving or cancelling a booking on the phone', () => {
  const now = new Date('2026-12-03T02:00:00Z')
  it('is offered for a booked appointment before its cut-off only', () => {
    expect(changeable({ status: 'BOOKED', cancellableUntil: '2026-12-03T03:00:00Z' }, now)).toBe(true)
    expect(changeable({ status: 'BOOKED', cancellableUntil: '2026-12-03T01:59:59Z' }, now)).toBe(false)
    expect(changeable({ status: 'CANCELLED', cancellableUntil: '2026-12-04T00:00:00Z' }, now)).toBe(false)
    expect(changeable({ status: 'CHECKED_IN', cancellableUntil: '2026-12-04T00:00:00Z' }, now)).toBe(false)
  })
  it("shows the API's QR code as an image, never as markup", () => {
    expect(qrImage('<svg onload="x()"/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20onload%3D%22x()%22%2F%3E')
  })
})
